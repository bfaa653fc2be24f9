using Npgsql;
using Sigma.BuildingBlocks.Persistence;

namespace Sigma.Testing;

/// <summary>
/// A fresh database on the real private PostgreSQL of the test run (SIGMA_TEST_PG, started by ./test.sh), one per test
/// class so that classes stay independent. Run outside ./test.sh, a private cluster is started in /tmp and left running.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly Lazy<string> Server = new(() =>
        Environment.GetEnvironmentVariable("SIGMA_TEST_PG") is { Length: > 0 } configured
            ? configured
            : EmbeddedPostgres.Start("/tmp/sigma-tests-pgdata", 54349, "postgres").ConnectionString("postgres"));

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = "sigma_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Server.Value))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(Server.Value) { Database = name, MaxPoolSize = 40 };
        return new TestDatabase(name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server.Value);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
