using JasperFx;
using Sigma.BuildingBlocks.Persistence;
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

internal sealed class EnvoyerReponseHandler(Ecritures ecritures, IResponsesStore store, Dossiers dossiers, Coffre coffre) : IRequestHandler<EnvoyerReponse, string>
{
    public async Task<string> Handle(EnvoyerReponse r, CancellationToken ct)
    {
        await using var ecriture = await ecritures.OuvrirAsync(r.ReponseId, r.Acteur, ct, brouillon: false);
        var (session, flux, reponse) = (ecriture.Session, ecriture.Flux, ecriture.Reponse);
        var consultation = ecriture.Consultation;
        var candidature = await dossiers.CandidatureAsync(reponse, ct);
        var envoyee = reponse.Envoyer(consultation, candidature, r.Acteur.Identifiant, r.Acteur.Nom, r.Acteur.Email, r.RecueLe);
        flux.AppendOne(envoyee);
        // The account may draft another response on this consultation (the FAQ's successive groupements).
        session.Delete<BrouillonEnCours>(BrouillonEnCours.Cle(reponse.ConsultationId, reponse.CompteId));
        session.Publish(new ReponseEnvoyeeIntegrationEvent(reponse.Id, consultation.Id, consultation.Reference, consultation.Intitule, envoyee.NumeroAccuse,
            envoyee.Le, envoyee.NomPar, envoyee.Par, envoyee.EmailPar, reponse.OrganisationId, envoyee.Organisation, envoyee.Siret, envoyee.Lots,
            envoyee.Fichiers.Select(f => new FichierRecu(f.Formulaire, f.Piece, f.Nom, f.Taille, f.Sha256)).ToList(),
            $"{r.UrlPublique}/reponses/{reponse.Id}/accuse") { OccurredAt = envoyee.Le });
        var engagements = await EngagementsAsync(session, reponse, candidature, envoyee.Lots, ct);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (Doublons.EstDoublon(ex))
        {
            await using var relecture = store.QuerySession();
            throw Refus(await DejaEngagesAsync(relecture, engagements, ct));
        }
        catch (ConcurrencyException)
        {
            throw new DomainException("La réponse vient d'être modifiée ou envoyée depuis un autre poste : rechargez la page pour voir son état.");
        }
        return envoyee.NumeroAccuse;
    }

    private async Task<List<(string Siret, int Lot, string Empreinte)>> EngagementsAsync(IDocumentSession session, Reponse reponse,
        DonneesCandidature candidature, IReadOnlyList<int> lots, CancellationToken ct)
    {
        var sirets = new[] { candidature.Candidat.Siege.Siret }
            .Concat(candidature.Candidat.EstGroupement ? candidature.Membres.Select(m => m.Siege.Siret) : [])
            .Select(s => new string((s ?? "").Where(char.IsAsciiDigit).ToArray())).Where(s => s.Length == 14).Distinct().ToList();
        var engagements = new List<(string, int, string)>();
        foreach (var siret in sirets)
        {
            foreach (var lot in lots)
            {
                engagements.Add((siret, lot, await coffre.EmpreinteAsync(reponse.ConsultationId, $"{siret}|{lot}", ct)));
            }
        }
        if (await DejaEngagesAsync(session, engagements, ct) is { Count: > 0 } deja)
        {
            throw Refus(deja);
        }
        foreach (var (_, _, empreinte) in engagements)
        {
            session.Insert(new EngagementLot { Id = empreinte, ReponseId = reponse.Id });
        }
        return engagements;
    }

    private static async Task<List<(string Siret, int Lot, string Empreinte)>> DejaEngagesAsync(IQuerySession session,
        List<(string Siret, int Lot, string Empreinte)> engagements, CancellationToken ct)
    {
        var existants = (await session.LoadManyAsync<EngagementLot>(ct, engagements.Select(e => e.Empreinte).ToArray())).Select(e => e.Id).ToHashSet();
        return engagements.Where(e => existants.Contains(e.Empreinte)).ToList();
    }

    private static DomainException Refus(List<(string Siret, int Lot, string Empreinte)> deja) =>
        new($"Le SIRET {deja[0].Siret} a déjà une offre envoyée sur le lot {deja[0].Lot} de cette consultation : un candidat ne présente qu'une offre par lot, "
            + "seul, comme mandataire d'un seul groupement ou comme membre d'un seul groupement.");
}
