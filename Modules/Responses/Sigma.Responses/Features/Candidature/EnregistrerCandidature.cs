using System.Text.Json;
using JasperFx;
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

public sealed record ResultatEnregistrement(int Version, bool Valide, IReadOnlyList<Manquant> Manquants);

internal sealed class EnregistrerCandidatureHandler(Ecritures ecritures, IResponsesStore store, Coffre coffre, Dossiers dossiers)
    : IRequestHandler<EnregistrerCandidature, ResultatEnregistrement>
{
    public async Task<ResultatEnregistrement> Handle(EnregistrerCandidature r, CancellationToken ct)
    {
        await using var ecriture = await ecritures.OuvrirAsync(r.ReponseId, r.Acteur, ct);
        var (session, flux, reponse) = (ecriture.Session, ecriture.Flux, ecriture.Reponse);
        var enregistree = await dossiers.CandidatureAsync(reponse, ct);
        var fusion = OngletsCandidature.Fusionner(enregistree, r.Saisie, r.Onglet);
        var forme = Validation.FormeCandidature(fusion).Where(m => m.Onglet == r.Onglet).ToList();
        if (forme.Count > 0)
        {
            throw new FormulaireIncompletException(forme);
        }
        var maintenant = ecriture.Maintenant;
        var courante = reponse;
        var inchangee = JsonSerializer.Serialize(enregistree) == JsonSerializer.Serialize(fusion);
        if (!inchangee || reponse.Candidature is null)
        {
            var evenement = reponse.EnregistrerCandidature(r.Onglet, await coffre.ScellerAsync(reponse.ConsultationId, reponse.Id, fusion, ct), r.Version,
                Preremplissage.EstMajeur(enregistree, fusion), r.Acteur.Identifiant, r.Acteur.Nom, maintenant);
            flux.AppendOne(evenement);
            courante = reponse.Apply(evenement);
        }
        else if (reponse.Candidature.Version != r.Version)
        {
            throw new EnregistrementConcurrentException(reponse.Candidature.NomPar, reponse.Candidature.Par, reponse.Candidature.Le);
        }
        IReadOnlyList<Manquant> manquants = [];
        if (r.Valider && courante.StatutCandidature != StatutFormulaire.Valide)
        {
            try
            {
                flux.AppendOne(courante.ValiderCandidature(Validation.Candidature(fusion, courante.PiecesDe(null).Select(p => p.Categorie).ToHashSet()),
                    r.Acteur.Identifiant, r.Acteur.Nom, maintenant));
            }
            catch (FormulaireIncompletException incomplet)
            {
                manquants = incomplet.Manquants;
            }
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            await using var relecture = store.QuerySession();
            var derniere = (await relecture.LoadAsync<Reponse>(r.ReponseId, ct))?.Candidature;
            throw new EnregistrementConcurrentException(derniere?.NomPar ?? "Quelqu'un", derniere?.Par ?? "?", derniere?.Le ?? maintenant);
        }
        return new ResultatEnregistrement(courante.Candidature!.Version, manquants.Count == 0 && (r.Valider || courante.StatutCandidature == StatutFormulaire.Valide), manquants);
    }
}
