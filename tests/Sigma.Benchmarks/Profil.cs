using System.Diagnostics;

namespace Sigma.Benchmarks;

/// <summary>
/// When <c>SIGMA_TRACE</c> names a file, <c>dotnet-trace</c> (a global tool) samples the Host's CPU during the measure:
/// <c>dotnet-trace convert --format speedscope</c> then shows where the time went.
/// </summary>
internal sealed class Profil : IDisposable
{
    private readonly Process _trace;

    private Profil(Process trace) => _trace = trace;

    public static Profil? Demarrer(int pid)
    {
        if (Environment.GetEnvironmentVariable("SIGMA_TRACE") is not { Length: > 0 } fichier)
        {
            return null;
        }
        var outil = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        var info = new ProcessStartInfo(File.Exists(outil) ? outil : "dotnet-trace") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { "collect", "-p", pid.ToString(Format.Inv), "--profile", "dotnet-sampled-thread-time", "--duration", $"00:00:00:{(int.TryParse(Environment.GetEnvironmentVariable("SIGMA_TRACE_SECONDES"), out var s) ? s : 6):00}", "-o", fichier })
        {
            info.ArgumentList.Add(a);
        }
        var trace = Process.Start(info)!;
        trace.BeginOutputReadLine();
        Thread.Sleep(1500); // the session must be open before the measure starts
        return new Profil(trace);
    }

    /// <summary>Waits for the session (<c>SIGMA_TRACE_SECONDES</c>, 6 by default: long enough to see the measure's steady state) to end and its file to be written with its symbols.</summary>
    public void Arreter() => _trace.WaitForExit(120_000);

    public void Dispose()
    {
        Arreter();
        _trace.Dispose();
    }
}
