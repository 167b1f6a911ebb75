// Hangfire keeps process-wide state (global filters, serializer settings) and the process tests start
// servers that share one machine's two cores: every test of this assembly runs on its own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
