using System.Globalization;
using FluentValidation;

namespace Sigma.Consultations.Features.CreerConsultation;

public sealed class LotSaisi
{
    public string? Numero { get; set; }
    public string? Intitule { get; set; }
    public string? Territoire { get; set; }
    public UniteOeuvre UniteOeuvre { get; set; } = UniteOeuvre.Hsta;
    public string? Volume { get; set; }
}

/// <summary>An agent drafts a consultation with its lots; it is published later, once its DCE is deposited.</summary>
public sealed class CreerConsultation : IRequest<Guid>
{
    public string? Reference { get; set; }
    public string? Intitule { get; set; }
    public string? Objet { get; set; }
    public string? Dispositif { get; set; }
    public string? AutreDispositif { get; set; }
    public string? Procedure { get; set; }
    public string? DateLimite { get; set; }
    public string? HeureLimite { get; set; } = "12:00";
    public string? Contact { get; set; }
    public List<LotSaisi> Lots { get; set; } = [new()];

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever] public Acteur Agent { get; set; } = Acteur.Sigma;

    public string DispositifRetenu => Dispositif == "AUTRE" ? (AutreDispositif ?? "").Trim().ToUpperInvariant() : Dispositif ?? "";

    public DateTimeOffset? DateLimiteParis() =>
        DateTime.TryParseExact($"{DateLimite} {HeureLimite}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var locale)
            ? ParisTime.FromParisWallClock(locale) : null;

    public static decimal? Nombre(string? saisie) =>
        decimal.TryParse((saisie ?? "").Replace(" ", "").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
}

internal sealed class CreerConsultationValidator : AbstractValidator<CreerConsultation>
{
    public CreerConsultationValidator(TimeProvider clock)
    {
        RuleFor(x => x.Reference).NotEmpty().WithMessage("La référence est obligatoire.").MaximumLength(50).WithMessage("La référence ne doit pas dépasser 50 caractères.");
        RuleFor(x => x.Intitule).NotEmpty().WithMessage("L'intitulé est obligatoire.").MaximumLength(250).WithMessage("L'intitulé ne doit pas dépasser 250 caractères.");
        RuleFor(x => x.Objet).NotEmpty().WithMessage("L'objet de la consultation est obligatoire.").MaximumLength(4000).WithMessage("L'objet ne doit pas dépasser 4 000 caractères.");
        RuleFor(x => x.Dispositif).NotEmpty().WithMessage("Choisissez le dispositif.");
        RuleFor(x => x.AutreDispositif).NotEmpty().When(x => x.Dispositif == "AUTRE").WithMessage("Nommez le dispositif.");
        RuleFor(x => x.Procedure).NotEmpty().WithMessage("Choisissez la procédure.");
        RuleFor(x => x.Contact).NotEmpty().WithMessage("Le contact est obligatoire.").MaximumLength(250).WithMessage("Le contact est trop long.");
        RuleFor(x => x.DateLimite).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("La date limite est obligatoire.")
            .Must((f, _) => f.DateLimiteParis() is not null).WithMessage("La date ou l'heure limite n'est pas valide (jj/mm/aaaa, hh:mm).")
            .Must((f, _) => f.DateLimiteParis() > clock.GetUtcNow()).WithMessage("La date limite de remise des réponses doit être dans le futur.");
        RuleFor(x => x.Lots).Must(l => l.Count > 0).WithMessage("Une consultation comporte au moins un lot.");
        RuleForEach(x => x.Lots).ChildRules(lot =>
        {
            lot.RuleFor(l => l.Numero).Must(n => int.TryParse(n, out var v) && v > 0).WithMessage("Le numéro du lot est un nombre entier positif.");
            lot.RuleFor(l => l.Intitule).NotEmpty().WithMessage("L'intitulé du lot est obligatoire.");
            lot.RuleFor(l => l.Territoire).NotEmpty().WithMessage("Le territoire du lot est obligatoire.");
            lot.RuleFor(l => l.Volume).Must(v => CreerConsultation.Nombre(v) > 0).WithMessage("Le volume est un nombre positif (ex. : 1 200).");
        });
    }
}

internal sealed class CreerConsultationHandler(IConsultationsStore store, TimeProvider clock) : IRequestHandler<CreerConsultation, Guid>
{
    public async Task<Guid> Handle(CreerConsultation r, CancellationToken ct)
    {
        await using var session = store.Ouvrir(r.Agent);
        var reference = r.Reference!.Trim();
        if (await session.Query<Consultation>().AnyAsync(c => c.Reference == reference, ct))
        {
            throw new DomainException($"Une consultation porte déjà la référence {reference}.", nameof(r.Reference));
        }
        var id = Guid.NewGuid();
        var lots = r.Lots.Select(l => new Lot(int.Parse(l.Numero!, CultureInfo.InvariantCulture), l.Intitule!.Trim(), l.Territoire!.Trim(),
            l.UniteOeuvre, CreerConsultation.Nombre(l.Volume)!.Value)).ToList();
        var creee = Consultation.Creer(id, reference, r.Intitule!, r.Objet!, r.DispositifRetenu, r.Procedure!, lots, r.DateLimiteParis()!.Value,
            r.Contact!, r.Agent.Identifiant, clock.GetUtcNow());
        session.Events.StartStream<Consultation>(id, creee);
        await session.SaveChangesAsync(ct);
        return id;
    }
}
