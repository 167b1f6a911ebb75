using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutcomesLab.Jobs.Hosting;
using OutcomesLab.Jobs.Stages;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Scheduling;

/// <summary>The Hangfire part shared by <c>serve</c> and <c>worker</c>: storage, retry rule, server, recurring jobs.</summary>
public static class JobServices
{
    public static IServiceCollection AddOutcomesLabJobs(this IServiceCollection services, PipelineContext pipeline, JobStorage storage)
    {
        var jobs = pipeline.Settings.Jobs;
        RetryPolicy.Apply(jobs);
        services.AddSingleton(pipeline);
        services.AddSingleton(pipeline.Settings);
        services.AddSingleton(pipeline.Time);
        services.AddTransient<PullJob>();
        services.AddTransient<AggregateJob>();
        services.AddTransient<ReportJob>();
        services.AddTransient<QualityReportJob>();
        services.AddTransient<RefreshJob>();
        services.AddTransient<ExportJob>();
        services.AddSingleton<JobFailureLog>();
        services.AddHangfire((provider, config) => UseJobFormat(config).UseStorage(storage).UseFilter(provider.GetRequiredService<JobFailureLog>()));
        services.AddHangfireServer(options =>
        {
            if (jobs.WorkerCount > 0) options.WorkerCount = jobs.WorkerCount;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(jobs.PollIntervalSeconds);
            options.ShutdownTimeout = TimeSpan.FromSeconds(jobs.ShutdownTimeoutSeconds);
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        // The host waits for Hangfire's own shutdown (running jobs hand their work back) before it exits.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(jobs.ShutdownTimeoutSeconds + 10));
        return services;
    }

    /// <summary>
    /// How jobs are written to storage. Every process that enqueues or runs jobs (hosts, and a client
    /// such as a test or an admin script) must use the same format.
    /// </summary>
    public static IGlobalConfiguration UseJobFormat(IGlobalConfiguration config) => config
        .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings();

    /// <summary>
    /// Declares the recurring jobs; the hosts call it after building and before starting, so a bad cron
    /// stops start-up with one line naming its key (from a hosted service, the host would first log
    /// "Hosting failed to start" with a stack trace).
    /// </summary>
    public static void DeclareRecurringJobs(IServiceProvider services) =>
        RecurringJobRegistrar.Register(services.GetRequiredService<IRecurringJobManager>(), services.GetRequiredService<JobStorage>(),
            services.GetRequiredService<OutcomesLabSettings>());
}
