// Hosts share Hangfire's static configuration and the machine has two cores: one host at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
