using System.Security.Cryptography.X509Certificates;
using Sigma.Signature.Infrastructure.Certificats;

namespace Sigma.Signature.Infrastructure.Revocation;

/// <summary>
/// The revocation check over the embedded data: every certificate of the path but the anchor, against its issuer's
/// CRL or OCSP response. Revoked before the signing time (as declared): invalid; revoked later: fine only when a
/// time-stamp proves the signature came first, indeterminate otherwise (EN 319 102-1, 5.2.6 and 5.6.2.1). Without
/// data, revocation is said not checked.
/// </summary>
internal static class ControleRevocation
{
    private const string Libelle = "Révocation";

    public static (Controle Controle, StatutRevocation? Signataire) Verifier(ResultatChaine chaine, DonneesRevocation donnees, DateTimeOffset heureSignature,
        DateTimeOffset? heureProuvee)
    {
        if (donnees.Vide)
        {
            var illisibles = donnees.Illisibles > 0 ? $" ; {(donnees.Illisibles > 1 ? $"{donnees.Illisibles} données de révocation embarquées sont illisibles" : "1 donnée de révocation embarquée est illisible")}" : "";
            return (Controle.NonVerifie("revocation", Libelle, $"La révocation du certificat (CRL, OCSP) n'est pas vérifiée : la vérification se fait hors ligne et le fichier n'embarque aucune donnée de révocation{illisibles}."), null);
        }
        var lignes = new List<string>();
        StatutRevocation? signataire = null;
        for (var i = 0; i + 1 < chaine.Chaine.Count; i++)
        {
            var nom = Nom(chaine.Chaine[i]);
            var statut = donnees.Statut(chaine.Chaine[i], chaine.Chaine[i + 1]);
            if (i == 0)
            {
                signataire = statut;
            }
            if (statut is null)
            {
                lignes.Add($"aucune donnée pour « {nom} »");
                continue;
            }
            var source = $"{statut.Source} de « {statut.Emetteur} » du {statut.EmisLe.Affiche()}";
            if (!statut.Revoque)
            {
                lignes.Add($"« {nom} » non révoqué ({source})");
            }
            else if (statut.RevoqueLe is not { } le || le <= heureSignature)
            {
                return (Controle.Echec("revocation", Libelle,
                    $"Le certificat « {nom} » a été révoqué le {statut.RevoqueLe?.Affiche() ?? "(date inconnue)"}, avant l'heure de signature ({heureSignature.Affiche()}) : {source}."), signataire);
            }
            else if (heureProuvee is { } prouvee && le > prouvee)
            {
                lignes.Add($"« {nom} » révoqué le {le.Affiche()}, après l'heure prouvée de la signature ({source})");
            }
            else
            {
                return (Controle.Echec("revocation", Libelle,
                    $"Le certificat « {nom} » a été révoqué le {le.Affiche()}, après l'heure de signature déclarée mais sans qu'aucun horodatage ne prouve que la signature est antérieure à cette révocation ({source}).",
                    Verdict.Indeterminee), signataire);
            }
        }
        if (signataire is null)
        {
            return (Controle.NonVerifie("revocation", Libelle,
                $"Les données de révocation embarquées ({donnees.NombreCrls} CRL, {Sigma.BuildingBlocks.Web.Francais.Nombre(donnees.NombreOcsps, "réponse OCSP", "réponses OCSP")}) ne portent pas sur le certificat du signataire."), null);
        }
        return (Controle.Reussi("revocation", Libelle, $"D'après les données embarquées dans le fichier ({donnees.NombreCrls} CRL, {Sigma.BuildingBlocks.Web.Francais.Nombre(donnees.NombreOcsps, "réponse OCSP", "réponses OCSP")} ; "
            + $"aucune interrogation en ligne) : {string.Join(" ; ", lignes)}."), signataire);
    }

    private static string Nom(X509Certificate2 c) => c.GetNameInfo(X509NameType.SimpleName, false) is { Length: > 0 } n ? n : c.Subject;
}
