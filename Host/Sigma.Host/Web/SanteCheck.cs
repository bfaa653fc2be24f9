using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Sigma.Host.Web;

/// <summary>/health: 200 when PostgreSQL answers and a Hangfire server is alive on its storage, 503 otherwise.</summary>
public sealed class SanteCheck(Database database, JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(ct);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL injoignable", ex);
        }
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return servers.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Aucun serveur Hangfire actif");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Stockage Hangfire injoignable", ex);
        }
    }
}
