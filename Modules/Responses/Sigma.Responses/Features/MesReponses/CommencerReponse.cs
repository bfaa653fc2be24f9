namespace Sigma.Responses.Features.MesReponses;

/// <summary>« Répondre à la consultation »: the account's draft on this consultation, created if it has none.</summary>
public sealed record CommencerReponse(Guid ConsultationId, Acteur Acteur) : IRequest<Guid>;

internal sealed class CommencerReponseHandler(IResponsesStore store, Coffre coffre, TimeProvider clock) : IRequestHandler<CommencerReponse, Guid>
{
    public async Task<Guid> Handle(CommencerReponse r, CancellationToken ct)
    {
        if (r.Acteur.OrganisationId is not { } organisationId)
        {
            throw new DomainException("Seuls les comptes rattachés à un organisme peuvent répondre.");
        }
        await using var session = store.LightweightSession();
        var cle = BrouillonEnCours.Cle(r.ConsultationId, r.Acteur.CompteId);
        if (await session.LoadAsync<BrouillonEnCours>(cle, ct) is { } existant)
        {
            return existant.ReponseId;
        }
        var consultation = await session.LoadAsync<ConsultationConnue>(r.ConsultationId, ct)
            ?? throw new DomainException("Cette consultation n'est pas ouverte aux réponses.");
        var organisme = await session.LoadAsync<OrganismeConnu>(organisationId, ct);
        var id = Guid.NewGuid();
        var maintenant = clock.GetUtcNow();
        var commencee = Reponse.Commencer(id, consultation, r.Acteur.CompteId, organisationId, organisme?.RaisonSociale ?? "", organisme?.Siret ?? "",
            r.Acteur.Identifiant, r.Acteur.Nom, r.Acteur.Email, maintenant);
        // The candidature starts from what the platform knows of the organisation.
        var initiale = new DonneesCandidature();
        if (organisme is not null)
        {
            initiale.Candidat.Siege.RaisonSociale = organisme.RaisonSociale;
            initiale.Candidat.Siege.Siret = organisme.Siret;
            // Each field from the registration's own field; an organisation known before they were kept gets its one-line address.
            initiale.Candidat.Siege.Adresse = string.IsNullOrWhiteSpace(organisme.Voie) ? organisme.Adresse : organisme.Voie;
            initiale.Candidat.Siege.CodePostal = organisme.CodePostal;
            initiale.Candidat.Siege.Commune = organisme.Commune;
            initiale.Candidat.Siege.Telephone = organisme.Telephone;
            initiale.Candidat.Siege.Email = organisme.Email;
        }
        session.LastModifiedBy = r.Acteur.Identifiant;
        session.Events.StartStream<Reponse>(id, commencee,
            new CandidatureEnregistree(id, "initiale", await coffre.ScellerAsync(consultation.Id, id, initiale, ct), r.Acteur.Identifiant, r.Acteur.Nom, maintenant));
        session.Insert(new BrouillonEnCours { Id = cle, ReponseId = id });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (Doublons.EstDoublon(ex))
        {
            // A double click: the other request created the draft.
            await using var relecture = store.QuerySession();
            var gagnant = await relecture.LoadAsync<BrouillonEnCours>(cle, ct);
            if (gagnant is null)
            {
                throw;
            }
            return gagnant.ReponseId;
        }
        return id;
    }
}
