using Sigma.BuildingBlocks.Stockage;

namespace Sigma.BuildingBlocks.Tests;

public class DurabiliteTests
{
    [Fact]
    public void A_folder_is_synced_to_disk_and_a_missing_one_is_an_error_not_a_silent_success()
    {
        var dossier = Directory.CreateTempSubdirectory("sigma-durabilite-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dossier, "piece"), "contenu");
            Should.NotThrow(() => Durabilite.SynchroniserDossier(dossier));
            if (OperatingSystem.IsLinux())
            {
                Should.Throw<IOException>(() => Durabilite.SynchroniserDossier(Path.Combine(dossier, "absent")));
            }
        }
        finally
        {
            Directory.Delete(dossier, recursive: true);
        }
    }
}
