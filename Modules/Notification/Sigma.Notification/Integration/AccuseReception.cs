using System.Globalization;
using Sigma.Responses.Contracts;

namespace Sigma.Notification.Integration;

/// <summary>The receipt of a sent response, mailed to its depositor: the same content as the receipt page and PDF.</summary>
internal sealed class AccuseReceptionCourriel(CourrielServices s)
    : CourrielHandler<ReponseEnvoyeeIntegrationEvent>(s)
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    protected override IEnumerable<CourrielDu> Courriels(ReponseEnvoyeeIntegrationEvent e) =>
    [
        new CourrielDu(e.DeposantEmail, "accuse-reception", new
        {
            e.Deposant, e.Reference, e.Intitule, e.NumeroAccuse, RecueLe = e.EnvoyeeLe.AfficheALaSeconde(),
            RecueLeUtc = e.EnvoyeeLe.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            e.Organisation, e.Siret, Lots = string.Join(", ", e.Lots.Select(l => $"lot {l}")),
            Fichiers = e.Fichiers.Select(f => $"- {f.Formulaire} — {f.Piece} : {f.Nom} ({f.Taille.ToString("N0", Fr)} octets)\n  SHA-256 {f.Sha256}").ToList(),
            Lien = e.LienAccuse,
        }),
    ];
}
