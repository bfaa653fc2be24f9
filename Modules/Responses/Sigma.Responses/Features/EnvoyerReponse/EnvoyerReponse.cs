using JasperFx;
using Marten;
using MediatR;
using Sigma.BuildingBlocks.Domain;
using Sigma.BuildingBlocks.Messaging;
using Sigma.Responses.Contracts;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;

namespace Sigma.Responses.Features.EnvoyerReponse;

/// <summary>
/// The definitive send. <paramref name="RecueLe"/> is the server's time once the request was fully received: it alone
/// decides against the deadline, and the send commits in one transaction with the receipt's integration event.
/// </summary>
public sealed record EnvoyerReponse(Guid ReponseId, DateTimeOffset RecueLe, string UrlPublique, Acteur Acteur) : IRequest<string>;

internal sealed class EnvoyerReponseHandler(IResponsesStore store, Dossiers dossiers) : IRequestHandler<EnvoyerReponse, string>
{
    public async Task<string> Handle(EnvoyerReponse r, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var flux = await session.Events.FetchForWriting<Reponse>(r.ReponseId, ct);
        var reponse = flux.Aggregate;
        if (reponse is null || reponse.OrganisationId != r.Acteur.OrganisationId)
        {
            throw new DomainException("Réponse introuvable.");
        }
        var consultation = await session.LoadAsync<ConsultationConnue>(reponse.ConsultationId, ct) ?? throw new DomainException("Consultation introuvable.");
        var envoyee = reponse.Envoyer(consultation, await dossiers.CandidatureAsync(reponse, ct), r.Acteur.Identifiant, r.Acteur.Nom, r.Acteur.Email, r.RecueLe);
        session.LastModifiedBy = r.Acteur.Identifiant;
        flux.AppendOne(envoyee);
        // The account may draft another response on this consultation (the FAQ's successive groupements).
        session.Delete<BrouillonEnCours>(BrouillonEnCours.Cle(reponse.ConsultationId, reponse.CompteId));
        session.Publish(new ReponseEnvoyeeIntegrationEvent(reponse.Id, consultation.Id, consultation.Reference, consultation.Intitule, envoyee.NumeroAccuse,
            envoyee.Le, envoyee.NomPar, envoyee.Par, envoyee.EmailPar, reponse.OrganisationId, envoyee.Organisation, envoyee.Siret, envoyee.Lots,
            envoyee.Fichiers.Select(f => new FichierRecu(f.Formulaire, f.Piece, f.Nom, f.Taille, f.Sha256)).ToList(),
            $"{r.UrlPublique}/reponses/{reponse.Id}/accuse") { OccurredAt = envoyee.Le });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            throw new DomainException("La réponse vient d'être modifiée ou envoyée depuis un autre poste : rechargez la page pour voir son état.");
        }
        return envoyee.NumeroAccuse;
    }
}
