namespace Sigma.Benchmarks;

/// <summary>
/// Sigma's performance checks, run by hand (never by <c>dotnet test</c>):
/// <code>
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- search     full-text search over 10,000 consultations
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- download   zip of a 200 MB DCE to 20 concurrent clients
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- depot      a 1 GiB piece uploaded to a response, Host memory sampled
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- rush       the deadline rush: 300 bidders send within a minute with a 5 MB piece
///                                                                      (SIGMA_RUSH_BIDDERS, SIGMA_RUSH_SECONDS, SIGMA_RUSH_PIECE_MB, SIGMA_RUSH_URL)
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- documents  a DC1 printed: cold start, p50/p95 warm, 4 concurrent requests
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- audit      replay of a 10,000-event response, verification of a 1,000,000-event chain, the seal
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- publication  LHÉO of one offer (generation + XSD), the pull flux for 5,000 offers
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- couts      the Host's CPU per request of a send, one request at a time (SIGMA_RUSH_BIDDERS, 30)
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- rush-crash   the rush with the Host killed (SIGKILL) halfway and restarted: nothing lost, half-sent or mailed twice
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- deux-noeuds  the rush on two Hosts sharing database and folders, one killed halfway: the other finishes everything once
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- instant      1,000 sends over the two seconds around a deadline: each decided at its receipt's instant
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- depot-crash  the Host killed during a 1 GiB upload: nothing in clear left, nothing recorded, swept at restart, sent again
/// dotnet run -c Release --project tests/Sigma.Benchmarks -- all
/// </code>
/// Exit code 0 when every target is met, 1 otherwise, 2 on a wrong argument.
/// (Not a top-level program: its <c>Program</c> class would hide the Host's, which WebApplicationFactory needs.)
/// </summary>
internal static class Banc
{
    public static async Task<int> Main(string[] args)
    {
        var quoi = args.Length > 0 ? args[0].ToLowerInvariant() : "all";
        if (quoi is not ("search" or "download" or "depot" or "rush" or "documents" or "audit" or "publication" or "rush-crash" or "deux-noeuds" or "instant" or "couts" or "depot-crash" or "all"))
        {
            await Console.Error.WriteLineAsync("Usage : dotnet run -c Release --project tests/Sigma.Benchmarks -- search|download|depot|rush|documents|audit|publication|rush-crash|deux-noeuds|instant|couts|depot-crash|all");
            return 2;
        }
        var ok = true;
        Invariante();
        if (quoi is "search" or "all")
        {
            ok &= await BenchRecherche.ExecuterAsync();
            Invariante(); // the in-process Host made fr-FR the default culture of this process
        }
        if (quoi is "download" or "all")
        {
            ok &= await BenchTelechargement.ExecuterAsync();
        }
        if (quoi is "depot" or "all")
        {
            ok &= await BenchDepot.ExecuterAsync();
        }
        if (quoi is "documents" or "all")
        {
            ok &= await BenchDocuments.ExecuterAsync();
            Invariante();
        }
        if (quoi is "audit" or "all")
        {
            ok &= await BenchAudit.ExecuterAsync();
            Invariante();
        }
        if (quoi is "publication" or "all")
        {
            ok &= await BenchPublication.ExecuterAsync();
            Invariante();
        }
        if (quoi is "couts")
        {
            ok &= await BenchCouts.ExecuterAsync();
        }
        if (quoi is "rush" or "all")
        {
            ok &= await BenchRush.ExecuterAsync();
        }
        if (quoi is "rush-crash" or "all")
        {
            ok &= await BenchPannes.ExecuterAsync(deuxNoeuds: false);
        }
        if (quoi is "deux-noeuds" or "all")
        {
            ok &= await BenchPannes.ExecuterAsync(deuxNoeuds: true);
        }
        if (quoi is "instant" or "all")
        {
            ok &= await BenchInstant.ExecuterAsync();
        }
        if (quoi is "depot-crash" or "all")
        {
            ok &= await BenchDepot.PanneAsync();
        }
        return ok ? 0 : 1;
    }

    private static void Invariante()
    {
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
    }
}
