using JasperFx;
using Sigma.Responses.Contracts;

namespace Sigma.Responses.Features.EnvoyerReponse;

/// <summary>
/// The definitive send. <paramref name="RecueLe"/> is the server's time once the request was fully received: it alone
/// decides against the deadline, and the send commits in one transaction with the receipt's integration event.
/// </summary>
public sealed record EnvoyerReponse(Guid ReponseId, DateTimeOffset RecueLe, Acteur Acteur) : IRequest<string>;

internal sealed class EnvoyerReponseHandler(Ecritures ecritures, Dossiers dossiers, EngagementsLots engagementsLots, EditionsReponse editions, AdressePublique adresse)
    : IRequestHandler<EnvoyerReponse, string>
{
    public async Task<string> Handle(EnvoyerReponse r, CancellationToken ct)
    {
        await using var ecriture = await ecritures.OuvrirAsync(r.ReponseId, r.Acteur, ct, brouillon: false);
        var (session, flux) = (ecriture.Session, ecriture.Flux);
        var reponse = ecriture.Reponse;
        var consultation = ecriture.Consultation;
        var candidature = await dossiers.CandidatureAsync(reponse, ct);
        // A form validated before its editions existed has them printed now: the pli always holds them.
        foreach (var generees in await editions.ManquantesAsync(reponse, consultation, candidature, r.Acteur, r.RecueLe, ct))
        {
            flux.AppendOne(generees);
            reponse = reponse.Apply(generees);
        }
        var envoyee = reponse.Envoyer(consultation, candidature, r.Acteur.Identifiant, r.Acteur.Nom, r.Acteur.Email, r.RecueLe);
        flux.AppendOne(envoyee);
        // The account may draft another response on this consultation (the FAQ's successive groupements).
        session.Delete<BrouillonEnCours>(BrouillonEnCours.Cle(reponse.ConsultationId, reponse.CompteId));
        session.Publish(new ReponseEnvoyeeIntegrationEvent(reponse.Id, consultation.Id, consultation.Reference, consultation.Intitule, envoyee.NumeroAccuse,
            envoyee.Le, envoyee.NomPar, envoyee.Par, envoyee.EmailPar, reponse.OrganisationId, envoyee.Organisation, envoyee.Siret, envoyee.Lots,
            envoyee.Fichiers.Select(f => new FichierRecu(f.Formulaire, f.Piece, f.Nom, f.Taille, f.Sha256)).ToList(),
            adresse.Lien($"/reponses/{reponse.Id}/accuse")) { OccurredAt = envoyee.Le });
        var engagements = await engagementsLots.ReserverAsync(session, reponse, candidature, envoyee.Lots, ct);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (Doublons.EstDoublon(ex))
        {
            throw await engagementsLots.RefusAsync(engagements, ct);
        }
        catch (ConcurrencyException)
        {
            throw new DomainException("La réponse vient d'être modifiée ou envoyée depuis un autre poste : rechargez la page pour voir son état.");
        }
        return envoyee.NumeroAccuse;
    }
}
