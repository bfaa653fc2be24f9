// Hangfire keeps its storage in a global: web hosts of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
