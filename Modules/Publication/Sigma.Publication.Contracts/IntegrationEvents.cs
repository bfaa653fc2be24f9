using Sigma.BuildingBlocks.Contracts;

namespace Sigma.Publication.Contracts;

/// <summary>The CARIF-OREF accepted an awarded offer's LHÉO document (one version of it): prescribers and the public can find the training.</summary>
public sealed record OffrePublieeIntegrationEvent(Guid OffreId, Guid ConsultationId, int Version, DateTimeOffset PublieeLe) : IntegrationEvent;
