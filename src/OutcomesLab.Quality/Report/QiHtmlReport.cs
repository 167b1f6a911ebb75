using OutcomesLab.Presentation.Pages;

namespace OutcomesLab.Quality.Report;

/// <summary>
/// The supervisors' QI report as one self-contained HTML page (<see cref="QiReportPage"/>): no script,
/// no external style or font, images from the neighbouring charts/ folder, every data-derived string
/// encoded by the template.
/// </summary>
public static class QiHtmlReport
{
    public static string Render(QiResult r, QiReportContext context, IReadOnlyDictionary<string, string> charts) =>
        HtmlPages.Render<QiReportPage>(new Dictionary<string, object?>
        {
            [nameof(QiReportPage.R)] = r,
            [nameof(QiReportPage.Context)] = context,
            [nameof(QiReportPage.Charts)] = charts,
        });
}
