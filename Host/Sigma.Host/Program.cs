using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sigma.BuildingBlocks.Modules;
using Sigma.BuildingBlocks.Stockage;
using Sigma.BuildingBlocks.Web;
using Sigma.Consultations;
using Sigma.Documents;
using Sigma.Host.Web;
using Sigma.Notification;
using Sigma.Publication;
using Sigma.Referentials;
using Sigma.Registration;
using Sigma.Responses;
using Sigma.Signature;

var builder = WebApplication.CreateBuilder(args);
var database = Database.Resolve(builder.Configuration);
// "importer-rncp <fichier.csv>" and "importer-certifinfo <fichier.csv>" import into this database and exit, without serving.
if (ReferentialsModule.EstUneCommande(args))
{
    Environment.ExitCode = await ReferentialsModule.ExecuterCommandeAsync(args, database.ConnectionString, Console.Out);
    database.Arreter();
    return;
}
// "sauvegarder <dossier>" and "restaurer <dossier>" back up or restore what Sigma needs and exit, without serving.
if (Sauvegarde.EstUneCommande(args))
{
    Environment.ExitCode = await Sauvegarde.ExecuterAsync(args, builder.Configuration, database.ConnectionString, Console.Out);
    database.Arreter();
    return;
}
ConfigurationDeProduction.Verifier(builder);
builder.Services.AddSingleton(database);
builder.Services.AddSingleton(TimeProvider.System);
// Kestrel reads requests into 64 KiB blocks (its default is 4 KiB): large uploads take sixteen times fewer system calls.
builder.Services.AddSingleton<Microsoft.AspNetCore.Connections.IMemoryPoolFactory<byte>, BlocsDeReception>();

var mvc = builder.Services.AddControllersWithViews(o =>
    {
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        o.Filters.Add(new FormulaireIllisibleFilter());
        Sigma.BuildingBlocks.Web.TexteSaisiBinderProvider.Configurer(o);
    })
    .AddRazorOptions(o =>
    {
        // Views live beside their feature slice: Features/<Controller>/<View>.cshtml in each module.
        o.ViewLocationFormats.Insert(0, "/Features/{1}/{0}.cshtml");
        o.ViewLocationFormats.Insert(1, "/Features/Shared/{0}.cshtml");
    });
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "sigma.antiforgery";
    o.FormFieldName = "__RequestVerificationToken";
});
builder.Services.AddSigmaAuthorization();
builder.Services.AddSigmaLimitesDebit(builder.Configuration);
// Cookie and antiforgery keys survive restarts and are shared by every node that points at the same folder.
builder.Services.AddDataProtection().SetApplicationName("Sigma")
    .PersistKeysToFileSystem(new DirectoryInfo(Sauvegarde.DossierClesDataProtection(builder.Configuration)));
// French pages: accented letters are written as they are, not as numeric entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

var modules = new ModuleContext(builder.Configuration, database.ConnectionString, mvc);
builder.Services.AddRegistrationModule(modules);
builder.Services.AddConsultationsModule(modules);
builder.Services.AddResponsesModule(modules);
builder.Services.AddDocumentsModule(modules);
builder.Services.AddNotificationModule(modules);
builder.Services.AddSignatureModule(modules);
builder.Services.AddReferentialsModule(modules);
builder.Services.AddPublicationModule(modules);

builder.Services.AddHangfire(c => c
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString),
        // A job a killed node had taken comes back to the others after two minutes, not the default 30: the node alive
        // keeps its own jobs invisible as long as they run (sliding), and a job that runs twice is harmless (mails lock).
        new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1),
            UseSlidingInvisibilityTimeout = true, InvisibilityTimeout = TimeSpan.FromMinutes(2),
        }));
builder.Services.AddHangfireServer(o =>
{
    o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
    o.WorkerCount = builder.Configuration.GetValue("Sigma:Hangfire:Workers", 4);
    o.Queues = ["courriels", "default"];
});
builder.Services.AddTransient<PointsDeControleJob>();
builder.Services.TryAddSingleton<StockageFichiers>();
builder.Services.AddHostedService<NettoyagePartiels>();
builder.Services.AddHealthChecks().AddCheck<SanteCheck>("postgresql-hangfire");

var app = builder.Build();
database.StopWith(app.Lifetime);
// First of all: behind a trusted reverse proxy, the client's address and the scheme are the proxy's headers'.
if (ProxysDeConfiance.Options(app.Configuration) is { } proxys)
{
    app.UseForwardedHeaders(proxys);
}

var fr = new CultureInfo("fr-FR");
CultureInfo.DefaultThreadCurrentCulture = fr;
CultureInfo.DefaultThreadCurrentUICulture = fr;
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(fr),
    SupportedCultures = [fr],
    SupportedUICultures = [fr],
});
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/erreur/500",
    // A request the server cannot read (truncated body, malformed form or multipart) is the client's fault: 400, not 500.
    StatusCodeSelector = RequetesIllisibles.Statut,
});
app.UseStatusCodePagesWithReExecute("/erreur/{0}");
app.UseMiddleware<EnTetesSecurite>();
// Every event appended during a request carries the request's correlation id (mt_events.correlation_id).
app.Use(async (context, next) =>
{
    using var operation = Sigma.BuildingBlocks.Persistence.Correlation.Commencer(
        System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier, null);
    await next(context);
});
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<AntiforgeryAvantFichiers>();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [new TableauDeBordHangfireAgents()],
    DashboardTitle = "Sigma — tâches de fond",
    AppPath = "/",
});
app.MapControllers();
app.Services.UseNotificationModule();
app.Services.GetRequiredService<IRecurringJobManager>()
    .AddOrUpdate<PointsDeControleJob>(PointsDeControleJob.Id, j => j.PrendreAsync(CancellationToken.None), "*/10 * * * *");
app.Services.UsePublicationModule();

app.Run();

/// <summary>Entry point, visible to the web tests.</summary>
public partial class Program;
