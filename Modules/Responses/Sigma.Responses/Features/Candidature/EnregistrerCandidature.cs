using System.Text.Json;
using Sigma.Responses.Features.Shared;
using Sigma.Responses.Regles;

namespace Sigma.Responses.Features.Candidature;

public static class OngletsCandidature
{
    public static readonly IReadOnlyList<(string Cle, string Libelle)> Tous =
        [("candidat", "Candidat"), ("membres", "Membres du groupement"), ("sites", "Sites de réalisation"), ("pieces", "Pièces jointes")];

    public static string Libelle(string cle) => Tous.FirstOrDefault(o => o.Cle == cle).Libelle ?? cle;

    /// <summary>The tab's part of what was posted replaces the same part of what was saved; the other tabs are kept.</summary>
    public static DonneesCandidature Fusionner(DonneesCandidature enregistree, DonneesCandidature saisie, string onglet)
    {
        var copie = JsonSerializer.Deserialize<DonneesCandidature>(JsonSerializer.SerializeToUtf8Bytes(enregistree))!;
        switch (onglet)
        {
            case "candidat":
                copie.Candidat = saisie.Candidat;
                break;
            case "membres":
                copie.Membres = saisie.Membres;
                copie.RepartitionPrestations = saisie.RepartitionPrestations;
                break;
            case "sites":
                copie.Sites = saisie.Sites;
                break;
            case "pieces":
                copie.RedressementJudiciaire = saisie.RedressementJudiciaire;
                break;
            default:
                throw new DomainException("Onglet inconnu.");
        }
        return copie;
    }
}

/// <summary>« Enregistrer » (or « Valider », which saves then checks everything) one tab of the candidature.</summary>
public sealed record EnregistrerCandidature(Guid ReponseId, string Onglet, DonneesCandidature Saisie, int Version, bool Valider, Acteur Acteur)
    : IRequest<ResultatEnregistrement>;


internal sealed class EnregistrerCandidatureHandler(EnregistrementFormulaire enregistrement, Dossiers dossiers, EditionsReponse editions)
    : IRequestHandler<EnregistrerCandidature, ResultatEnregistrement>
{
    public Task<ResultatEnregistrement> Handle(EnregistrerCandidature r, CancellationToken ct) =>
        enregistrement.EnregistrerAsync(r.ReponseId, r.Acteur, r.Onglet, r.Saisie, r.Version, r.Valider, _ => new FormulaireReponse<DonneesCandidature>(
            reponse => reponse.Candidature,
            dossiers.CandidatureAsync,
            OngletsCandidature.Fusionner,
            Validation.FormeCandidature,
            (reponse, contenu, enregistree, fusion, maintenant) =>
            {
                var enregistre = reponse.EnregistrerCandidature(r.Onglet, contenu, r.Version, Preremplissage.EstMajeur(enregistree, fusion),
                    r.Acteur.Identifiant, r.Acteur.Nom, maintenant);
                return (enregistre, reponse.Apply(enregistre));
            },
            (reponse, fusion, maintenant) => reponse.ValiderCandidature(Validation.Candidature(fusion, reponse.PiecesDe(null).Select(p => p.Categorie).ToHashSet()),
                r.Acteur.Identifiant, r.Acteur.Nom, maintenant),
            (reponse, consultation, fusion, maintenant, jeton) => editions.ManquantesAsync(reponse, consultation, fusion, r.Acteur, maintenant, jeton, candidatureValidee: true)), ct);
}
