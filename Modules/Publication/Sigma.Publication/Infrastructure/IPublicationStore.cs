namespace Sigma.Publication.Infrastructure;

/// <summary>The Publication module's own Marten store (schema <c>publication</c>).</summary>
public interface IPublicationStore : IDocumentStore;
