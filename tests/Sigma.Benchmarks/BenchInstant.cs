namespace Sigma.Benchmarks;

internal static class BenchInstant
{
    public static Task<bool> ExecuterAsync() => Task.FromResult(true);
}
