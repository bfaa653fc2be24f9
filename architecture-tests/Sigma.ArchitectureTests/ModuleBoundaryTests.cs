using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;

namespace Sigma.ArchitectureTests;

/// <summary>
/// Each rule is written once and runs over every module found by convention (a <c>Sigma.X.Contracts</c> assembly beside
/// the <c>Sigma.X</c> module), so a new module is covered without touching these tests.
/// </summary>
public class ModuleBoundaryTests
{
    private static readonly string[] NonModules = ["BuildingBlocks"];

    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var name in ModuleNames())
        {
            data.Add(name);
        }
        return data;
    }

    private static IEnumerable<string> ModuleNames() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Sigma.*.Contracts.dll")
            .Select(f => Path.GetFileNameWithoutExtension(f)["Sigma.".Length..^".Contracts".Length])
            .Where(m => !NonModules.Contains(m))
            .Order();

    private static Assembly Module(string name) => Assembly.Load($"Sigma.{name}");
    private static Assembly Contracts(string name) => Assembly.Load($"Sigma.{name}.Contracts");

    [Fact]
    public void The_modules_of_the_product_are_found() =>
        ModuleNames().ShouldBe(["Consultations", "Documents", "Notification", "Publication", "Referentials", "Registration", "Responses", "Signature"], ignoreOrder: true);

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_no_other_module_except_its_contracts(string module)
    {
        var others = ModuleNames().Where(m => m != module).Select(m => $"Sigma.{m}").ToHashSet();
        var offending = Module(module).GetReferencedAssemblies().Select(a => a.Name!).Where(others.Contains).ToList();
        offending.ShouldBeEmpty($"Sigma.{module} references the internals of {string.Join(", ", offending)}: only their Contracts may be used.");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_reference_nothing_but_building_block_contracts_and_the_bcl(string module)
    {
        var allowed = new[] { "System", "Microsoft.", "netstandard", "mscorlib", "Sigma.BuildingBlocks.Contracts", "MediatR" };
        var offending = Contracts(module).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => !allowed.Any(a => n == a || n.StartsWith(a + (a.EndsWith('.') ? "" : "."), StringComparison.Ordinal) || n.StartsWith(a, StringComparison.Ordinal) && a.EndsWith('.')))
            .ToList();
        offending.ShouldBeEmpty($"Sigma.{module}.Contracts references {string.Join(", ", offending)}");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Domain_code_references_no_aspnet_core_marten_or_hangfire(string module)
    {
        var result = Types.InAssembly(Module(module)).That().ResideInNamespace($"Sigma.{module}.Domain")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Marten", "Hangfire", "JasperFx", "Npgsql")
            .GetResult();
        // Marten's source generator emits its evolvers into the aggregate's namespace: generated code, not domain code.
        (result.FailingTypeNames ?? []).Where(n => !n.Contains('<')).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Domain_code_references_no_fluent_validation(string module)
    {
        var result = Types.InAssembly(Module(module)).That().ResideInNamespace($"Sigma.{module}.Domain")
            .ShouldNot().HaveDependencyOnAny("FluentValidation")
            .GetResult();
        (result.FailingTypeNames ?? []).Where(n => !n.Contains('<')).ShouldBeEmpty();
    }

    /// <summary>
    /// The first segments of the routes a module serves ("back-office" is shared: its second segment counts), read from
    /// the route attributes of its controllers.
    /// </summary>
    private static IReadOnlySet<string> Routes(string module) =>
        Module(module).GetTypes().Where(t => typeof(ControllerBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Mvc.RouteAttribute>().Select(a => a.Template)
                .Concat(t.GetMethods().SelectMany(m => m.GetCustomAttributes<Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute>().Select(a => a.Template ?? ""))))
            .Select(Prefixe).Where(p => p.Length > 0 && !p.StartsWith('{')).ToHashSet();

    private static string Prefixe(string? gabarit)
    {
        var segments = (gabarit ?? "").Trim('/').Split('/');
        return segments[0] == "back-office" && segments.Length > 1 ? $"back-office/{segments[1]}" : segments[0] == "back-office" ? "" : segments[0];
    }

    private static string Racine()
    {
        var dossier = new DirectoryInfo(AppContext.BaseDirectory);
        while (dossier is not null && !File.Exists(Path.Combine(dossier.FullName, "Sigma.sln")))
        {
            dossier = dossier.Parent;
        }
        return dossier?.FullName ?? throw new InvalidOperationException("Sigma.sln introuvable au-dessus du dossier des tests.");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void No_module_writes_another_modules_url(string module)
    {
        // A link to another module's page comes from the integration event (LienPage) or from BuildingBlocks' PagesSigma.
        var autres = ModuleNames().Where(m => m != module).SelectMany(m => Routes(m).Select(r => (Route: r, Module: m))).ToList();
        var sources = Directory.EnumerateFiles(Path.Combine(Racine(), "Modules", module), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".sbn", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var ecarts = new List<string>();
        foreach (var fichier in sources)
        {
            var lignes = File.ReadAllLines(fichier);
            for (var i = 0; i < lignes.Length; i++)
            {
                foreach (System.Text.RegularExpressions.Match lien in System.Text.RegularExpressions.Regex.Matches(lignes[i], "[\"'}]/([a-z][a-z-]*(?:/[a-z-]+)?)"))
                {
                    var chemin = lien.Groups[1].Value;
                    foreach (var (route, autre) in autres)
                    {
                        if (chemin == route || chemin.StartsWith(route + "/", StringComparison.Ordinal))
                        {
                            ecarts.Add($"{Path.GetRelativePath(Racine(), fichier)}:{i + 1} écrit /{chemin}, une adresse du module {autre}");
                        }
                    }
                }
            }
        }
        ecarts.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Handlers_of_integration_events_live_in_the_integration_folder(string module)
    {
        static bool Gere(Type? t) => t is not null && (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Sigma.BuildingBlocks.Messaging.IntegrationEventHandler<,>) || Gere(t.BaseType));
        var offending = Module(module).GetTypes().Where(t => !t.IsAbstract && Gere(t.BaseType))
            .Where(t => t.Namespace != $"Sigma.{module}.Integration").Select(t => t.FullName).ToList();
        offending.ShouldBeEmpty();
    }

    /// <summary>
    /// Modules talk through integration events; the one synchronous request across modules is Documents' printer,
    /// whose bytes must not go through an outbox (docs/adr/0007).
    /// </summary>
    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_declare_no_request_except_the_documents_printer_and_the_platform_seal(string module)
    {
        static bool EstRequete(Type t) => t.GetInterfaces().Any(i => i == typeof(IBaseRequest));
        var requetes = Contracts(module).GetTypes().Where(EstRequete).Select(t => t.FullName!).ToList();
        requetes.ShouldBe(module switch
        {
            "Documents" => ["Sigma.Documents.Contracts.RendreDocument"],
            "Signature" => ["Sigma.Signature.Contracts.ApposerCachet"],
            _ => [],
        }, ignoreOrder: true);
    }

    [Fact]
    public void Only_the_documents_printer_is_asked_across_modules()
    {
        var autres = ModuleNames().Where(m => m != "Documents").ToList();
        var utilisateurs = autres.Where(m => Module(m).GetReferencedAssemblies().Any(a => a.Name == "Sigma.Documents.Contracts")).ToList();
        utilisateurs.ShouldBeSubsetOf(["Responses", "Signature"]);
        utilisateurs.ShouldContain("Responses");
    }

    [Fact]
    public void The_signature_contracts_serve_only_the_receipts_seal_the_mails_and_the_consultations_history()
    {
        var autres = ModuleNames().Where(m => m != "Signature").ToList();
        autres.Where(m => Module(m).GetReferencedAssemblies().Any(a => a.Name == "Sigma.Signature.Contracts")).ToList()
            .ShouldBeSubsetOf(["Responses", "Notification", "Consultations"]);
    }

    [Fact]
    public void The_routes_of_each_module_are_found() =>
        Routes("Registration").ShouldContain("connexion");

    [Theory]
    [MemberData(nameof(Modules))]
    public void Controllers_live_only_in_features_or_web_folders(string module)
    {
        var offending = Module(module).GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t))
            .Where(t => !(t.Namespace ?? "").StartsWith($"Sigma.{module}.Features", StringComparison.Ordinal)
                     && !(t.Namespace ?? "").StartsWith($"Sigma.{module}.Web", StringComparison.Ordinal))
            .Select(t => t.FullName).ToList();
        offending.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Handlers_are_internal(string module)
    {
        var handlerInterfaces = new[] { typeof(IRequestHandler<,>), typeof(INotificationHandler<>) };
        var offending = Module(module).GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && handlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .Select(t => t.FullName).ToList();
        offending.ShouldBeEmpty();
    }

    [Fact]
    public void Building_blocks_reference_no_module()
    {
        var modules = ModuleNames().SelectMany(m => new[] { $"Sigma.{m}", $"Sigma.{m}.Contracts" }).ToHashSet();
        foreach (var blocks in new[] { "Sigma.BuildingBlocks", "Sigma.BuildingBlocks.Contracts" })
        {
            Assembly.Load(blocks).GetReferencedAssemblies().Select(a => a.Name!).Where(modules.Contains).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Controller_names_are_unique_across_the_solution()
    {
        var names = ModuleNames().Select(Module).Append(Assembly.Load("Sigma.Host"))
            .SelectMany(a => a.GetTypes()).Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.Name).ToList();
        names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }
}
