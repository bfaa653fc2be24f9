namespace Sigma.Notification.Features.BoiteCourriels;

/// <summary>The mails caught by the local mail catcher, for agents, when Sigma runs without an SMTP server.</summary>
[Authorize(Policy = Policies.Agent)]
[Route("courriels")]
public sealed class BoiteCourrielsController(IServiceProvider services) : Controller
{
    private CapteurCourriels? Capteur => services.GetService(typeof(CapteurCourriels)) as CapteurCourriels;

    [HttpGet("")]
    public IActionResult Index() => Capteur is { } capteur ? View(capteur.Courriels) : NotFound();

    [HttpGet("{id}")]
    public IActionResult Detail(string id) =>
        Capteur?.Courriels.FirstOrDefault(c => c.Id == id) is { } courriel ? View(courriel) : NotFound();
}
