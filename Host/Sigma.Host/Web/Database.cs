using Sigma.BuildingBlocks.Persistence;

namespace Sigma.Host.Web;

/// <summary>
/// The PostgreSQL Sigma uses: <c>ConnectionStrings:Sigma</c> when configured, otherwise its own private cluster
/// (started now, its data kept between runs, stopped when Sigma stops).
/// </summary>
public sealed class Database
{
    private EmbeddedPostgres? _embedded;

    public string ConnectionString { get; private init; } = "";

    public bool Embarquee => _embedded is not null;

    public static Database Resolve(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Sigma");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Database { ConnectionString = configured };
        }
        var dataDir = configuration["Sigma:DataDirectory"] is { Length: > 0 } d ? Path.Combine(d, "pgdata") : EmbeddedPostgres.DefaultDataDirectory();
        var port = configuration.GetValue("Sigma:EmbeddedPostgres:Port", 54329);
        var embedded = EmbeddedPostgres.Start(dataDir, port, "sigma");
        Console.WriteLine($"PostgreSQL privé de Sigma démarré sur 127.0.0.1:{port} (données : {dataDir}).");
        return new Database { ConnectionString = embedded.ConnectionString("sigma"), _embedded = embedded };
    }

    public void StopWith(IHostApplicationLifetime lifetime) => lifetime.ApplicationStopped.Register(Arreter);

    /// <summary>Stops the private cluster if this process started it (a command that ran without the web application).</summary>
    public void Arreter() => _embedded?.Dispose();
}
