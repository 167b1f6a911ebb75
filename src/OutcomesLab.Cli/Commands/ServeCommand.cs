using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Jobs.Web;
using Spectre.Console;
using OutcomesLab.Configuration;

namespace OutcomesLab.Cli.Commands;

/// <summary>
/// <c>outcomeslab serve [--urls URLS]</c>: the web UI, the job dashboard at /hangfire and a Hangfire
/// server running the scheduled jobs, until SIGTERM or Ctrl+C. <c>--hash-password</c> makes the
/// PasswordHash of a user entry instead.
/// </summary>
public static class ServeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var urls = new Option<string?>("--urls")
        { Description = $"where to listen, ';'-separated [OutcomesLab:Web:Urls; default {WebSettings.DefaultUrls}]; beyond loopback needs OutcomesLab:Users" };
        var hashPassword = new Option<bool>("--hash-password")
        { Description = "read a password (standard input, or a prompt), print its salted hash for OutcomesLab:Users:N:PasswordHash, and exit" };
        var command = new Command("serve", "run the web UI, the job dashboard and the scheduled jobs");
        global.Add(command, Uses.Store | Uses.Key | Uses.Catalog);
        command.Options.Add(urls);
        command.Options.Add(hashPassword);
        command.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            if (parse.GetValue(hashPassword)) return HashPassword();
            var settings = global.Settings(parse, new Dictionary<string, string?> { ["Web:Urls"] = parse.GetValue(urls) });
            await using var app = await ServeHost.BuildAsync(settings, settings.Web.Urls, ct);
            var pipeline = app.Services.GetRequiredService<PipelineContext>();
            if (pipeline.KeyCreated) StoreContext.SayKeyGenerated(PipelineResources.GeneratedKeyPath(settings));
            try
            {
                await ServeHost.StartAsync(app, settings.Web.Urls, ct);
            }
            catch (ListenFailedException e)
            {
                Terminal.Fail(e.Message);
                return CommandRunner.Error;
            }
            IReadOnlyList<string> bound;
            try
            {
                bound = ServeHost.BoundAddresses(app, settings);
            }
            catch
            {
                await app.StopAsync(CancellationToken.None);
                throw;
            }
            var access = settings.Users.Count == 0 ? "no users configured: this machine only" : $"{settings.Users.Count} users configured: sign-in required";
            // Plain lines (not markup): tests and scripts read the bound address from here.
            Console.WriteLine($"serving on {string.Join(" ", bound)} ({access})");
            Console.WriteLine($"job dashboard {bound[0].TrimEnd('/')}{ServeHost.DashboardPath}; store {pipeline.Store.Location.Display}; stop with Ctrl+C or SIGTERM");
            if (bound.Any(b => b.StartsWith("http://", StringComparison.Ordinal) && !ListenAddresses.IsLoopback(b)))
                Terminal.Error.MarkupLine("[yellow]warning:[/] plain http beyond loopback: passwords and reports cross the network unencrypted; put TLS in front (a reverse proxy) or listen on https://");
            await app.WaitForShutdownAsync(ct);
            Console.WriteLine("stopped");
            return 0;
        }));
        return command;
    }

    private static int HashPassword()
    {
        string password;
        if (Console.IsInputRedirected)
        {
            password = Console.In.ReadLine() ?? "";
        }
        else
        {
            password = Terminal.Error.Prompt(new TextPrompt<string>("password:").Secret());
            var again = Terminal.Error.Prompt(new TextPrompt<string>("again:").Secret());
            if (again != password) throw new UserErrorException("the two passwords differ");
        }
        if (password.Length < 12) throw new UserErrorException("use a password of at least 12 characters");
        Console.WriteLine(PasswordHasher.Hash(password));
        Console.Error.WriteLine("put this line in OutcomesLab:Users:N:PasswordHash (with Name and Role) of appsettings.json; the password itself is not stored anywhere");
        return 0;
    }
}
