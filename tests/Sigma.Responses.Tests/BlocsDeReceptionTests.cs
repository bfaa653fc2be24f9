using Sigma.Host.Web;

namespace Sigma.Responses.Tests;

/// <summary>Kestrel's 64 KiB blocks (what an upload is received into): sizes, reuse, a bounded reserve.</summary>
public class BlocsDeReceptionTests
{
    [Fact]
    public void Blocks_are_64_KiB_reused_once_returned_kept_up_to_the_bound_and_a_second_return_is_harmless()
    {
        var pool = new BlocsDeReception();
        pool.Create().ShouldBeSameAs(pool);
        pool.MaxBufferSize.ShouldBe(64 * 1024);

        var premier = pool.Rent(4095);
        premier.Memory.Length.ShouldBe(64 * 1024);
        var octets = premier.Memory;
        premier.Dispose();
        premier.Dispose();
        pool.Libres.ShouldBe(1);
        var second = pool.Rent();
        second.Memory.Equals(octets).ShouldBeTrue("le bloc rendu est repris");
        pool.Libres.ShouldBe(0);
        second.Dispose();

        // Above the block size (never asked by Kestrel's pipes): served, not kept.
        var gros = pool.Rent(100_000);
        gros.Memory.Length.ShouldBe(100_000);
        gros.Dispose();
        pool.Libres.ShouldBe(1);

        // A burst returns more blocks than the reserve keeps: the rest goes to the collector.
        var loues = Enumerable.Range(0, BlocsDeReception.LibresMax + 100).Select(_ => pool.Rent()).ToList();
        loues.Select(b => b.Memory).Distinct().Count().ShouldBe(loues.Count);
        loues.ForEach(b => b.Dispose());
        pool.Libres.ShouldBe(BlocsDeReception.LibresMax);
    }
}
