using MediatR;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Sigma.Responses.Contracts;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;
using Sigma.Signature.Domain;
using Sigma.Signature.Infrastructure.Demandes;

namespace Sigma.Testing;

/// <summary>
/// The award of one sent offer as the Signature module receives it: the integration event the notification of a lot
/// publishes (the whole path, opening and judging after the deadline, is proven by the Responses tests). For tests whose
/// subject is what follows the request to sign.
/// </summary>
public static class Attribution
{
    /// <summary>The retained offer's bidder is asked to sign <paramref name="acte"/>; returns the signature request's id.</summary>
    public static async Task<Guid> DemanderSignatureAsync(IServiceProvider services, Guid reponseId, byte[] acte, string nomActe = "Acte d'engagement lot 1.pdf")
    {
        Reponse reponse;
        await using (var session = services.GetRequiredService<IResponsesStore>().QuerySession())
        {
            reponse = (await session.Events.AggregateStreamAsync<Reponse>(reponseId)).ShouldNotBeNull();
        }
        reponse.EstEnvoyee.ShouldBeTrue("Seule une réponse envoyée peut être retenue.");
        var offre = reponse.Offres.First(o => reponse.LotsEnvoyes.Contains(o.Lot));
        await services.GetRequiredService<IMediator>().Publish(new OffreRetenueIntegrationEvent(reponse.Id, offre.Id, reponse.ConsultationId, "REF",
            "Consultation de test", offre.Lot, reponse.OrganisationId, reponse.Organisation, reponse.EmailDeposant ?? reponse.EmailPar, reponse.NomPar,
            nomActe, acte, "agent.region", "agent.region@sigma.localhost"));
        await using var signature = services.GetRequiredService<ISignatureStore>().QuerySession();
        return (await signature.Query<DemandeSignature>().SingleAsync(d => d.ReponseId == reponseId)).Id;
    }
}
