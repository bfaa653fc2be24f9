using Sigma.Documents.Contracts;

namespace Sigma.Responses.Infrastructure;

/// <summary>The receipt as a PDF, printed by the Documents module: depositor, organisation, consultation, lots, the instant to the second, each file with its size and SHA-256.</summary>
public sealed class AccuseReception(IMediator mediator, PreuvesEnvoi preuves)
{
    /// <summary>The receipt's PDF, sealed with the platform's certificate.</summary>
    public async Task<byte[]> PdfAsync(Reponse r, ConsultationConnue c, CancellationToken ct)
    {
        var preuve = await preuves.PourAsync(r, ct);
        var donnees = new
        {
            Numero = r.NumeroAccuse,
            Consultation = new { c.Reference, c.Intitule, DateLimite = c.DateLimite.AfficheALaSeconde() },
            RecueLe = r.EnvoyeeLe!.Value.AfficheALaSeconde(),
            RecueLeUtc = r.EnvoyeeLe.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Deposant = r.EnvoyeePar,
            r.Organisation,
            r.Siret,
            Lots = r.LotsEnvoyes.Select(n => new { Numero = n, c.Lot(n)?.Intitule }).ToList(),
            Fichiers = r.FichiersEnvoyes.Select(f => new { f.Formulaire, f.Piece, f.Nom, Taille = $"{f.Taille.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} octets", f.Sha256 }).ToList(),
            Chaine = preuve is null ? null : new
            {
                Flux = r.Id.ToString(),
                preuve.Version,
                preuve.Tete,
                Point = preuve.PointDeControle is { } p ? new { p.Numero, Jusqua = p.Jusqua.AfficheALaSeconde(), p.Racine, p.Flux } : null,
            },
        };
        var rendu = await mediator.Send(new RendreDocument(ModeleDocument.AccuseReception, "Accusé de réception d'une réponse électronique", r.NumeroAccuse, donnees), ct);
        return await mediator.Send(new Sigma.Signature.Contracts.ApposerCachet(rendu.Pdf, $"Accusé de réception {r.NumeroAccuse}"), ct);
    }
}
