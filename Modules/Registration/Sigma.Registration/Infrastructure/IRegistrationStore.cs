namespace Sigma.Registration.Infrastructure;

/// <summary>The Registration module's own Marten store (schema <c>registration</c>).</summary>
public interface IRegistrationStore : IDocumentStore;
