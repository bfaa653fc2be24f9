using System.Reflection;
using FluentValidation;
using JasperFx;
using JasperFx.Events;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sigma.BuildingBlocks.Messaging;
using Sigma.BuildingBlocks.Persistence.Chaine;

namespace Sigma.BuildingBlocks.Modules;

public static class ModuleRegistration
{
    /// <summary>
    /// Gives a module its own Marten store in its own schema (documents and events), with the outbox, the inbox and
    /// the dispatcher that publishes its outbox after commit.
    /// </summary>
    public static IServiceCollection AddModuleStore<TStore>(
        this IServiceCollection services, ModuleContext context, string schema, Action<StoreOptions> configure)
        where TStore : class, IDocumentStore
    {
        var signal = new OutboxSignal();
        services.AddMartenStore<TStore>(opts =>
        {
            opts.Connection(context.ConnectionString);
            opts.DatabaseSchemaName = schema;
            opts.Events.DatabaseSchemaName = schema;
            opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.MetadataConfig.UserNameEnabled = true;
            opts.Events.MetadataConfig.CorrelationIdEnabled = true;
            opts.Events.MetadataConfig.CausationIdEnabled = true;
            opts.Schema.For<OutboxMessage>().Index(m => m.NextAttemptAt);
            opts.Schema.For<InboxEntry>();
            opts.Listeners.Add(signal);
            opts.Events.AddEventType<PointDeControleChaine>();
            configure(opts);
        }).ApplyAllDatabaseChangesOnStartup();
        // The hash chain of the module's events, installed before any hosted service starts (hosted services start in the
        // order of registration, and another module's dispatcher could append here as soon as it runs).
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService>(sp =>
            new InstallationChaine<TStore>(sp.GetRequiredService<TStore>(), schema, context.ConnectionString)));
        services.AddSingleton(new ChaineModule(schema, typeof(TStore)));
        services.TryAddSingleton(sp => new Chaines(sp.GetServices<ChaineModule>(), sp, context.ConnectionString, sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton(sp => new OutboxDispatcher<TStore>(
            sp.GetRequiredService<TStore>(),
            signal,
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<OutboxOptions>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OutboxDispatcher<TStore>>>()));
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TStore>>());
        services.TryAddSingleton(new OutboxOptions());
        return services;
    }

    /// <summary>Registers a module's MediatR handlers, validators and MVC controllers and views.</summary>
    public static IServiceCollection AddModuleApplication(this IServiceCollection services, ModuleContext context, Assembly assembly)
    {
        services.TryAddScoped<ServiceFactory>(sp => sp.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        services.TryAddSingleton<Web.AdressePublique>();
        services.TryAddEnumerable(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>)));
        services.Scan(s => s.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableToAny(typeof(IRequestHandler<,>), typeof(INotificationHandler<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithTransientLifetime());
        // Domain validators are the aggregate's own rules, built by it with their mode; only input validators go to DI,
        // as singletons: a validator compiles its rules' accessors when built, and only reads once built.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true,
            filter: r => r.ValidatorType.Namespace is not { } ns || !(ns.EndsWith(".Domain", StringComparison.Ordinal) || ns.EndsWith(".Regles", StringComparison.Ordinal)));

        var parts = context.Mvc.PartManager.ApplicationParts;
        if (!parts.Any(p => p.Name == assembly.GetName().Name))
        {
            context.Mvc.AddApplicationPart(assembly);
        }
        return services;
    }
}
