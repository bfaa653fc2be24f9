// One Sigma process and one browser at a time: the machine running the tests is small.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
