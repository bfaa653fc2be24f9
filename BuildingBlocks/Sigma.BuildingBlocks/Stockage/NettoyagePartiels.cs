using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sigma.BuildingBlocks.Stockage;

/// <summary>
/// At start, then every hour, removes what interrupted writes left in the storage folder (<see
/// cref="StockageFichiers.SupprimerPartielsAbandonnes"/>) once untouched for <c>Sigma:Stockage:PartielsAbandonnesApres</c>
/// (6 hours by default). Several nodes may run it on one folder: deleting a file twice is nothing.
/// </summary>
public sealed class NettoyagePartiels(StockageFichiers stockage, IConfiguration configuration, TimeProvider horloge, ILogger<NettoyagePartiels> journal)
    : BackgroundService
{
    private readonly TimeSpan _age = TimeSpan.TryParse(configuration["Sigma:Stockage:PartielsAbandonnesApres"], System.Globalization.CultureInfo.InvariantCulture, out var a)
        ? a : TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the storage folder may be large: the Host starts without waiting for the sweep
        using var minuterie = new PeriodicTimer(TimeSpan.FromHours(1), horloge);
        do
        {
            try
            {
                var supprimes = stockage.SupprimerPartielsAbandonnes(_age, horloge.GetUtcNow().UtcDateTime);
                if (supprimes > 0)
                {
                    journal.LogInformation("{Nombre} fichier(s) d'écritures interrompues supprimé(s) du stockage", supprimes);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                journal.LogWarning(e, "Nettoyage des écritures interrompues impossible");
            }
        }
        while (await minuterie.WaitForNextTickAsync(stoppingToken));
    }
}
