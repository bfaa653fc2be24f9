using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace Sigma.Benchmarks;

/// <summary>
/// Sigma.Host in its own process on a loopback port (as the end-to-end fixture starts it), so that its memory can be
/// read from /proc without the benchmark's own allocations mixed in.
/// </summary>
internal sealed class HoteSigma : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _journal = new();

    private HoteSigma(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }
    public int Pid => _process.Id;
    public string Journal => string.Join(Environment.NewLine, _journal);

    /// <param name="url">The address to listen on (a restarted node keeps its own); a free loopback port by default.</param>
    /// <param name="reglages">More settings (Sigma:DataDirectory shared by several nodes, say), as configuration keys.</param>
    public static async Task<HoteSigma> DemarrerAsync(string connectionString, int portSmtp, string dossierStockage, string? url = null,
        IReadOnlyDictionary<string, string>? reglages = null)
    {
        url ??= $"http://127.0.0.1:{PortLibre()}";
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Sigma.Host.dll"), "--urls", url, "--contentRoot", Path.Combine(Depot.Racine(), "Host", "Sigma.Host") })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Sigma"] = connectionString;
        info.Environment["Smtp__Host"] = "127.0.0.1";
        info.Environment["Smtp__Port"] = portSmtp.ToString(Format.Inv);
        info.Environment["Smtp__Securite"] = "None";
        info.Environment["Sigma__UrlPublique"] = url;
        info.Environment["Sigma__LimitesDebit__ParMinute"] = "1000000";
        info.Environment["Sigma__DonneesDemo"] = "true";
        info.Environment["Sigma__Stockage__Dossier"] = dossierStockage;
        info.Environment["Sigma__Hangfire__Workers"] = "1";
        foreach (var (cle, valeur) in reglages ?? new Dictionary<string, string>())
        {
            info.Environment[cle.Replace(":", "__", StringComparison.Ordinal)] = valeur;
        }
        info.Environment.Remove("ASPNETCORE_URLS");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var hote = new HoteSigma(process, url);
        process.OutputDataReceived += (_, e) => hote.Noter(e.Data);
        process.ErrorDataReceived += (_, e) => hote.Noter(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await hote.AttendreSanteAsync();
        }
        catch
        {
            await hote.DisposeAsync();
            throw;
        }
        return hote;
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flush, as a crash or a pulled plug would.</summary>
    public async Task TuerAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Resident memory (VmRSS) of the Host process, in bytes.</summary>
    public long Rss() => LireStatus("VmRSS:");

    /// <summary>Peak resident memory (VmHWM) since the process started, as the kernel counted it.</summary>
    public long RssMax() => LireStatus("VmHWM:");

    /// <summary>CPU time (user + system) the Host has used, from /proc/pid/stat.</summary>
    public TimeSpan TempsCpu()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var champs = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(champs[11], Format.Inv) + long.Parse(champs[12], Format.Inv); // utime, stime (fields 14 and 15)
        return TimeSpan.FromSeconds(ticks / 100d); // USER_HZ is 100 on Linux
    }

    private long LireStatus(string cle)
    {
        foreach (var ligne in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (ligne.StartsWith(cle, StringComparison.Ordinal))
            {
                return long.Parse(ligne[cle.Length..].Trim().Split(' ')[0], Format.Inv) * 1024;
            }
        }
        return 0;
    }

    private void Noter(string? ligne)
    {
        if (ligne is null)
        {
            return;
        }
        _journal.Enqueue(ligne);
        while (_journal.Count > 100)
        {
            _journal.TryDequeue(out _);
        }
    }

    private Task AttendreSanteAsync() => ProcessusSigma.AttendreSanteAsync(_process, Url, TimeSpan.FromSeconds(90), () => Journal);

    private static int PortLibre() => ProcessusSigma.PortLibre();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>Samples the Host's resident memory every 100 ms, with the bytes delivered so far, until stopped.</summary>
internal sealed class EchantillonneurMemoire : IAsyncDisposable
{
    private readonly CancellationTokenSource _arret = new();
    private readonly Task _boucle;

    public EchantillonneurMemoire(HoteSigma hote, Func<long> octetsLivres)
    {
        _boucle = Task.Run(async () =>
        {
            var debut = Stopwatch.GetTimestamp();
            using var minuterie = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            do
            {
                Echantillons.Add((Stopwatch.GetElapsedTime(debut), hote.Rss(), octetsLivres()));
            }
            while (await minuterie.WaitForNextTickAsync(_arret.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
        });
    }

    public List<(TimeSpan Instant, long Rss, long Octets)> Echantillons { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _arret.CancelAsync();
        await _boucle;
        _arret.Dispose();
    }
}
