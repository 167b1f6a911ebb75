using Microsoft.Extensions.Hosting;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Storage;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Scheduling;

/// <summary>
/// <c>outcomeslab worker</c>: a Hangfire server without the web UI, for scale-out. It needs a
/// PostgreSQL store, the one place every worker on every machine can share the queue and the data.
/// SIGTERM stops it gracefully: running jobs are cancelled, their batch in flight rolls back, and
/// the job goes back to the queue for another worker.
/// </summary>
public static class WorkerHost
{
    public static async Task<IHost> BuildAsync(OutcomesLabSettings settings, CancellationToken ct)
    {
        if (StoreLocation.Parse(settings.Store).Dialect != Dialect.Postgres)
            throw new SettingsException(
                "worker needs a PostgreSQL store (OutcomesLab:Store = Host=…;Database=…) that every worker shares; with a SQLite store `outcomeslab serve` runs the jobs itself");
        var pipeline = await PipelineContext.OpenAsync(settings, TimeProvider.System, ct);
        try
        {
            var storage = await JobStorageFactory.CreateAsync(settings, ct);
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
            HostLogging.Configure(builder.Logging);
            builder.Services.AddOutcomesLabJobs(pipeline, storage);
            var host = builder.Build();
            try
            {
                JobServices.DeclareRecurringJobs(host.Services);
            }
            catch
            {
                host.Dispose();
                throw;
            }
            var lifetime = (IHostApplicationLifetime)host.Services.GetService(typeof(IHostApplicationLifetime))!;
            lifetime.ApplicationStopped.Register(() => pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult());
            return host;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }
}
