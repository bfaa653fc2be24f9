using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Sigma.Responses.Infrastructure;

/// <summary>A sent pli as one zip streamed to the response: every file of the receipt, decrypted on the way (constant memory), then the receipt.</summary>
public static class ArchivePli
{
    public static async Task EcrireAsync(HttpContext http, Reponse reponse, Coffre coffre, byte[] accuse, CancellationToken ct)
    {
        // The zip writer still writes some headers synchronously: allowed for this response only (the files stream asynchronously).
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        http.Response.ContentType = "application/zip";
        Telechargements.Nommer(http.Response, $"{reponse.NumeroAccuse}.zip");
        await using var zip = await ZipArchive.CreateAsync(http.Response.Body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        var noms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var fichier in reponse.FichiersEnvoyes)
        {
            var entree = zip.CreateEntry(NomUnique(noms, $"{fichier.Formulaire}/{fichier.Nom}"), CompressionLevel.Fastest);
            await using var flux = await entree.OpenAsync(ct);
            await coffre.DescellerFichierAsync(reponse.ConsultationId, LecturePlis.Stockage(reponse, fichier), flux, ct);
        }
        var entreeRecu = zip.CreateEntry(NomUnique(noms, $"Accusé de réception {reponse.NumeroAccuse}.pdf"), CompressionLevel.Fastest);
        await using (var flux = await entreeRecu.OpenAsync(ct))
        {
            await flux.WriteAsync(accuse, ct);
        }
    }

    private static string NomUnique(HashSet<string> noms, string nom)
    {
        var candidat = nom;
        for (var i = 2; !noms.Add(candidat); i++)
        {
            candidat = $"{Path.ChangeExtension(nom, null)} ({i}){Path.GetExtension(nom)}";
        }
        return candidat;
    }
}
