namespace Sigma.Notification.Infrastructure;

/// <summary>The Notification module's own Marten store (schema <c>notification</c>).</summary>
public interface INotificationStore : IDocumentStore;
