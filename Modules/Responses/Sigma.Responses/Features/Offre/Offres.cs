using System.Text.Json;
using JasperFx;
using Sigma.Responses.Features.Shared;
using Sigma.Responses.Regles;
using Sigma.Responses.Features.Candidature;

namespace Sigma.Responses.Features.Offre;

public static class OngletsOffre
{
    public static readonly IReadOnlyList<(string Cle, string Libelle)> Tous =
        [("offre", "Offre"), ("prestataires", "Prestataires"), ("sites", "Sites de réalisation"), ("pedagogie", "Informations pédagogiques"), ("prix", "Prix")];

    public static string Libelle(string cle) => Tous.FirstOrDefault(o => o.Cle == cle).Libelle ?? cle;

    public static DonneesOffre Fusionner(DonneesOffre enregistree, DonneesOffre saisie, string onglet)
    {
        var copie = JsonSerializer.Deserialize<DonneesOffre>(JsonSerializer.SerializeToUtf8Bytes(enregistree))!;
        switch (onglet)
        {
            case "offre": copie.Offre = saisie.Offre; break;
            case "prestataires": copie.Prestataires = saisie.Prestataires; break;
            case "sites": copie.Sites = saisie.Sites; copie.ReferentHandicap = saisie.ReferentHandicap; break;
            case "pedagogie": copie.Composantes = saisie.Composantes; break;
            case "prix": copie.Prix = saisie.Prix; break;
            default: throw new DomainException("Onglet inconnu.");
        }
        if (copie.Prestataires.SousTraitance != true)
        {
            copie.Prestataires.SousTraitants = [];
        }
        Preremplissage.CompleterDatesDesModules(copie);
        return copie;
    }
}

/// <summary>A new offer for a lot, once the candidature is validated; it starts from the candidature's sites.</summary>
public sealed record CreerOffre(Guid ReponseId, int Lot, Acteur Acteur) : IRequest<Guid>;

public sealed record EnregistrerOffre(Guid ReponseId, Guid OffreId, string Onglet, DonneesOffre Saisie, int Version, bool Valider, Acteur Acteur)
    : IRequest<ResultatEnregistrement>;

public sealed record SupprimerOffre(Guid ReponseId, Guid OffreId, Acteur Acteur) : IRequest<Unit>;

internal sealed class CreerOffreHandler(Ecritures ecritures, Coffre coffre, Dossiers dossiers) : IRequestHandler<CreerOffre, Guid>
{
    public async Task<Guid> Handle(CreerOffre r, CancellationToken ct)
    {
        await using var ecriture = await ecritures.OuvrirAsync(r.ReponseId, r.Acteur, ct);
        var (session, flux, reponse) = (ecriture.Session, ecriture.Flux, ecriture.Reponse);
        var consultation = ecriture.Consultation;
        var candidature = await dossiers.CandidatureAsync(reponse, ct);
        var id = Guid.NewGuid();
        var donnees = Preremplissage.NouvelleOffre(candidature, consultation, r.Lot);
        flux.AppendOne(reponse.CreerOffre(id, r.Lot, consultation, await coffre.ScellerAsync(reponse.ConsultationId, reponse.Id, donnees, ct),
            r.Acteur.Identifiant, r.Acteur.Nom, ecriture.Maintenant));
        await session.SaveChangesAsync(ct);
        return id;
    }
}

internal sealed class EnregistrerOffreHandler(EnregistrementFormulaire enregistrement, Dossiers dossiers, EditionsReponse editions)
    : IRequestHandler<EnregistrerOffre, ResultatEnregistrement>
{
    public Task<ResultatEnregistrement> Handle(EnregistrerOffre r, CancellationToken ct) =>
        enregistrement.EnregistrerAsync(r.ReponseId, r.Acteur, r.Onglet, r.Saisie, r.Version, r.Valider, reponse =>
        {
            var offre = reponse.Offre(r.OffreId) ?? throw new DomainException("Cette offre n'existe plus.");
            return new FormulaireReponse<DonneesOffre>(
                courante => courante.Offre(r.OffreId)?.Etat,
                (courante, jeton) => dossiers.OffreAsync(courante, offre, jeton),
                OngletsOffre.Fusionner,
                Validation.FormeOffre,
                (courante, contenu, _, _, maintenant) =>
                {
                    var enregistree = courante.EnregistrerOffre(r.OffreId, r.Onglet, contenu, r.Version, r.Acteur.Identifiant, r.Acteur.Nom, maintenant);
                    return (enregistree, courante.Apply(enregistree));
                },
                (courante, fusion, maintenant) => courante.ValiderOffre(r.OffreId,
                    Validation.Offre(fusion, courante.PiecesDe(r.OffreId).Select(p => p.Categorie).ToHashSet()), r.Acteur.Identifiant, r.Acteur.Nom, maintenant),
                async (courante, consultation, fusion, maintenant, jeton) =>
                [
                    new EditionsGenerees(courante.Id, r.OffreId, await editions.OffreAsync(courante, consultation, await dossiers.CandidatureAsync(courante, jeton),
                        courante.Offre(r.OffreId)!, fusion, jeton), r.Acteur.Identifiant, r.Acteur.Nom, maintenant),
                ],
                r.OffreId);
        }, ct);
}

internal sealed class SupprimerOffreHandler(Ecritures ecritures) : IRequestHandler<SupprimerOffre, Unit>
{
    public Task<Unit> Handle(SupprimerOffre r, CancellationToken ct) =>
        ecritures.DeciderAsync(r.ReponseId, r.Acteur, (reponse, maintenant) => reponse.SupprimerOffre(r.OffreId, r.Acteur.Identifiant, r.Acteur.Nom, maintenant), ct);
}
