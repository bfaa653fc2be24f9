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
        ModuleNames().ShouldBe(["Consultations", "Documents", "Notification", "Referentials", "Registration", "Responses", "Signature"], ignoreOrder: true);

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
