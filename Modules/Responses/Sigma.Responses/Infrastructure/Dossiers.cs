using Sigma.Responses.Features;

namespace Sigma.Responses.Infrastructure;

/// <summary>Reading a response for an account: only the accounts of its organisation see it, and nothing once sent.</summary>
public sealed class Dossiers(IResponsesStore store, Coffre coffre)
{
    public async Task<(Reponse Reponse, ConsultationConnue Consultation)?> ChargerAsync(Guid reponseId, Acteur acteur, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var reponse = await session.LoadAsync<Reponse>(reponseId, ct);
        if (reponse is null || reponse.OrganisationId != acteur.OrganisationId)
        {
            return null;
        }
        var consultation = await session.LoadAsync<ConsultationConnue>(reponse.ConsultationId, ct);
        return consultation is null ? null : (reponse, consultation);
    }

    /// <summary>The candidature as last saved; refused once the response is sent: it stays sealed until the opening.</summary>
    public async Task<DonneesCandidature> CandidatureAsync(Reponse reponse, CancellationToken ct)
    {
        Scelle(reponse);
        return reponse.Candidature is null ? new DonneesCandidature() : await coffre.DescellerAsync<DonneesCandidature>(reponse.ConsultationId, reponse.Id, reponse.Candidature.Contenu, ct);
    }

    public async Task<DonneesOffre> OffreAsync(Reponse reponse, OffreReponse offre, CancellationToken ct)
    {
        Scelle(reponse);
        return await coffre.DescellerAsync<DonneesOffre>(reponse.ConsultationId, reponse.Id, offre.Etat.Contenu, ct);
    }

    private static void Scelle(Reponse reponse)
    {
        if (reponse.EstEnvoyee)
        {
            throw new DomainException("Cette réponse est envoyée : elle est scellée jusqu'à l'ouverture des plis par la Région, après la date limite.");
        }
    }
}
