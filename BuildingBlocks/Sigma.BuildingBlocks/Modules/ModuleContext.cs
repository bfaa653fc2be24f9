using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sigma.BuildingBlocks.Modules;

/// <summary>What the Host hands each module when it plugs it in.</summary>
public sealed record ModuleContext(IConfiguration Configuration, string ConnectionString, IMvcBuilder Mvc);
