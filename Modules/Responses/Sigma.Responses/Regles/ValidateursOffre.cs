using FluentValidation;


namespace Sigma.Responses.Regles;

internal sealed class ValidateurOffre : AbstractValidator<DonneesOffre>
{
    public ValidateurOffre(bool complet)
    {
        this.Requis(complet, x => x.Offre.Intitule, "Saisissez l'intitulé de l'offre.");
        this.Requis(complet, x => x.Offre.Presentation, "Décrivez les caractéristiques générales de l'offre.");
        this.Requis(complet, x => x.Offre.DateDebut, "Saisissez la date de début.");
        this.Requis(complet, x => x.Offre.DateFin, "Saisissez la date de fin.");
        this.Format(x => x.Offre.DateDebut, v => Saisie.Date(v) is not null, "La date n'est pas valide (jj/mm/aaaa).");
        this.Format(x => x.Offre.DateFin, v => Saisie.Date(v) is not null, "La date n'est pas valide (jj/mm/aaaa).");
        RuleFor(x => x.Offre.DateFin).Must((o, fin) => Saisie.Date(fin) >= Saisie.Date(o.Offre.DateDebut))
            .When(o => Saisie.Date(o.Offre.DateDebut) is not null && Saisie.Date(o.Offre.DateFin) is not null)
            .WithMessage("La date de fin suit la date de début.");
        this.Requis(complet, x => x.Offre.Effectif, "Saisissez l'effectif prévu.");
        this.Format(x => x.Offre.Effectif, v => int.TryParse(v, out var n) && n > 0, "L'effectif est un nombre entier positif.");
        this.Format(x => x.Offre.NombreSessions, v => int.TryParse(v, out var n) && n > 0, "Le nombre de sessions est un nombre entier positif.");

        if (complet)
        {
            RuleFor(x => x.Prestataires.AssujettiTva).NotNull().WithMessage("Indiquez si vous êtes assujetti à la TVA.");
            RuleFor(x => x.Prestataires.Avance).NotNull().WithMessage("Indiquez si vous demandez une avance.");
            RuleFor(x => x.Prestataires.SousTraitance).NotNull().WithMessage("Indiquez si vous sous-traitez une partie des prestations.");
            RuleFor(x => x.Prestataires.SousTraitants).Must(s => s.Count > 0).When(x => x.Prestataires.SousTraitance == true)
                .WithMessage("Déclarez le sous-traitant (identité, prestations, montant).");
            RuleFor(x => x.Prestataires.PaiementDirect).Must(p => p == true).When(x => x.Prestataires.SousTraitance == true)
                .WithMessage("En cas de sous-traitance, cochez « paiement direct » à oui (le guide le demande).");
            RuleFor(x => x.Sites).Must(s => s.Count > 0).WithMessage("Ajoutez au moins un site de réalisation.");
            RuleFor(x => x.Composantes).Must(c => c.Count > 0).WithMessage("Ajoutez au moins une composante.");
        }
        this.Requis(complet, x => x.Prestataires.FrequenceFacturation, "Choisissez la fréquence de facturation.");
        this.Requis(complet, x => x.Prestataires.TitulaireCompte, "Saisissez le titulaire du compte.");
        this.Requis(complet, x => x.Prestataires.Iban, "Saisissez l'IBAN.");
        RuleFor(x => x.Prestataires.Iban).Must(v => Iban.EstValide(v)).When(x => !Saisie.Vide(x.Prestataires.Iban))
            .WithMessage(x => Iban.Erreur(x.Prestataires.Iban)!);
        this.Requis(complet, x => x.Prestataires.Bic, "Saisissez le BIC.");
        this.Format(x => x.Prestataires.Bic, v => System.Text.RegularExpressions.Regex.IsMatch(v!.Replace(" ", ""), "^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$"),
            "Le BIC compte 8 ou 11 caractères (ex. : BNPAFRPPXXX).");
        RuleForEach(x => x.Prestataires.SousTraitants).ChildRules(s =>
        {
            s.Requis(complet, x => x.RaisonSociale, "Saisissez la raison sociale du sous-traitant.");
            s.Requis(complet, x => x.Siret, "Saisissez le SIRET du sous-traitant.");
            s.Format(x => x.Siret, Saisie.SiretValide, "Le SIRET compte 14 chiffres et sa clé doit être juste.");
            s.Requis(complet, x => x.Adresse, "Saisissez l'adresse du sous-traitant.");
            s.CodePostalEtCommune(complet, x => x.CodePostal, x => x.Commune);
            s.Requis(complet, x => x.Prestations, "Décrivez les prestations sous-traitées.");
            s.Requis(complet, x => x.Montant, "Saisissez le montant sous-traité (HT).");
            s.Format(x => x.Montant, v => Saisie.Nombre(v) > 0, "Le montant est un nombre positif en euros.");
        }).When(x => x.Prestataires.SousTraitance == true);

        this.Format(x => x.ReferentHandicap.Email, Saisie.EmailValide, "Le courriel du référent handicap n'est pas valide (ex. : nom@organisme.fr).");
        this.Format(x => x.ReferentHandicap.Telephone, Saisie.TelephoneValide, "Le téléphone du référent handicap compte 10 chiffres (ex. : 04 67 22 80 00).");
        this.Longueur(x => x.ReferentHandicap.Nom, 50);
        RuleForEach(x => x.Sites).ChildRules(s =>
        {
            s.Requis(complet, x => x.Nom, "Saisissez le nom du site : le numéro et le nom de la voie.");
            s.Format(x => x.Nom, v => char.IsAsciiDigit(v!.Trim()[0]), "Le nom du site commence par le numéro de la voie (ex. : 12 rue de la Loge).");
            s.CodePostalEtCommune(complet, x => x.CodePostal, x => x.Commune);
            s.Requis(complet, x => x.Locaux, "Décrivez les locaux.");
            s.Requis(complet, x => x.Equipements, "Décrivez les moyens matériels.");
            if (complet)
            {
                s.RuleFor(x => x.AccesTransportsCommun).NotNull().WithMessage("Indiquez si le site est accessible en transports en commun.");
                s.RuleFor(x => x.AccessibleHandicap).NotNull().WithMessage("Indiquez si le site est accessible aux personnes en situation de handicap.");
                s.RuleFor(x => x.Hebergement).NotNull().WithMessage("Indiquez si un hébergement est proposé.");
            }
            s.RuleFor(x => x.MoyensTransport).Must(v => !Saisie.Vide(v)).When(x => complet && x.AccesTransportsCommun == true)
                .WithMessage("Précisez les moyens de transport (lignes, arrêts).");
            s.Requis(complet, x => x.Restauration, "Indiquez les moyens de restauration proposés (ou « aucun »).");
        });

        RuleForEach(x => x.Composantes).ChildRules(c =>
        {
            c.Requis(complet, x => x.Intitule, "Saisissez l'intitulé de la composante.");
            c.Requis(complet, x => x.DateDebut, "Saisissez la date de début de la composante.");
            c.Requis(complet, x => x.DateFin, "Saisissez la date de fin de la composante.");
            c.Format(x => x.DateDebut, v => Saisie.Date(v) is not null, "La date n'est pas valide (jj/mm/aaaa).");
            c.Format(x => x.DateFin, v => Saisie.Date(v) is not null, "La date n'est pas valide (jj/mm/aaaa).");
            c.RuleFor(x => x.DateFin).Must((o, fin) => Saisie.Date(fin) >= Saisie.Date(o.DateDebut))
                .When(o => Saisie.Date(o.DateDebut) is not null && Saisie.Date(o.DateFin) is not null)
                .WithMessage("La date de fin suit la date de début.");
            c.Requis(complet, x => x.VolumeHoraire, "Saisissez le volume horaire.");
            c.Format(x => x.VolumeHoraire, v => Saisie.Nombre(v) > 0, "Le volume horaire est un nombre d'heures positif.");
            c.Requis(complet, x => x.Effectif, "Saisissez l'effectif.");
            c.Format(x => x.Effectif, v => int.TryParse(v, out var n) && n > 0, "L'effectif est un nombre entier positif.");
            c.Requis(complet, x => x.Formacode, "Saisissez le Formacode (3 lettres au moins pour chercher).");
            c.Format(x => x.Formacode, v => System.Text.RegularExpressions.Regex.IsMatch(v!.Trim(), @"^\d{5}\b"), "Le Formacode est un code à 5 chiffres (ex. : 15062).");
            c.Requis(complet, x => x.Prerequis, "Saisissez les prérequis.");
            c.Requis(complet, x => x.Objectifs, "Saisissez les objectifs.");
            c.Requis(complet, x => x.ModalitesRecrutement, "Saisissez les modalités de recrutement.");
            c.Requis(complet, x => x.ModalitesPedagogiques, "Saisissez les modalités pédagogiques.");
            c.Requis(complet, x => x.ResultatsAttendus, "Saisissez les résultats attendus.");
            c.Requis(complet, x => x.Contenu, "Saisissez le contenu de la composante.");
            c.Longueur(x => x.Rythme, 3000);
            if (complet)
            {
                c.RuleFor(x => x.Modules).Must(m => m.Count > 0).WithMessage("Les modules doivent être saisis pour tous les dispositifs : ajoutez-en au moins un.");
            }
            c.RuleForEach(x => x.Blocs).ChildRules(b => b.Requis(complet, x => x.Intitule, "Saisissez l'intitulé du bloc de compétences."));
            c.RuleForEach(x => x.Modules).ChildRules(m =>
            {
                m.Requis(complet, x => x.Intitule, "Saisissez l'intitulé du module.");
                m.Requis(complet, x => x.VolumeHoraire, "Saisissez le volume horaire du module.");
                m.Format(x => x.VolumeHoraire, v => Saisie.Nombre(v) > 0, "Le volume horaire est un nombre d'heures positif.");
                m.Format(x => x.DateDebut, v => Saisie.Date(v) is not null, "La date n'est pas valide (jj/mm/aaaa).");
                m.Format(x => x.DateFin, v => Saisie.Date(v) is not null, "La date n'est pas valide (jj/mm/aaaa).");
            });
            c.RuleFor(x => x).Custom((comp, ctx) =>
            {
                foreach (var (erreur, i) in Numerotation.Verifier(comp.Modules.Select(m => m.Numero).ToList(), "le module").Select((e, i) => (e, i)))
                {
                    if (erreur is not null && (complet || !Saisie.Vide(comp.Modules[i].Numero)))
                    {
                        ctx.AddFailure($"Modules[{i}].Numero", erreur);
                    }
                }
                foreach (var (erreur, i) in Numerotation.Verifier(comp.Blocs.Select(b => b.Numero).ToList(), "le bloc").Select((e, i) => (e, i)))
                {
                    if (erreur is not null && (complet || !Saisie.Vide(comp.Blocs[i].Numero)))
                    {
                        ctx.AddFailure($"Blocs[{i}].Numero", erreur);
                    }
                }
                var blocs = comp.Blocs.Select(b => b.Numero?.Trim()).Where(n => !Saisie.Vide(n)).ToHashSet();
                for (var i = 0; i < comp.Modules.Count; i++)
                {
                    var bloc = comp.Modules[i].Bloc?.Trim();
                    if (!Saisie.Vide(bloc) && !blocs.Contains(bloc))
                    {
                        ctx.AddFailure($"Modules[{i}].Bloc", $"Aucun bloc ne porte le numéro {bloc}.");
                    }
                }
            });
        });
        RuleFor(x => x.Composantes).Custom((composantes, ctx) =>
        {
            foreach (var (erreur, i) in Numerotation.Verifier(composantes.Select(c => c.Numero).ToList(), "la composante").Select((e, i) => (e, i)))
            {
                if (erreur is not null && (complet || !Saisie.Vide(composantes[i].Numero)))
                {
                    ctx.AddFailure($"Composantes[{i}].Numero", erreur);
                }
            }
        });

        this.Requis(complet, x => x.Prix.PrixUnitaireHt, "Saisissez le prix unitaire HT.");
        this.Format(x => x.Prix.PrixUnitaireHt, v => Saisie.Nombre(v) > 0, "Le prix unitaire est un montant positif en euros (ex. : 12,50).");
        foreach (var (champ, nom) in new (System.Linq.Expressions.Expression<Func<DonneesOffre, string?>>, string)[]
                 { (x => x.Prix.FraisPedagogiques, "Frais pédagogiques"), (x => x.Prix.FraisIngenierie, "Frais d'ingénierie"),
                   (x => x.Prix.FraisStructure, "Frais de structure"), (x => x.Prix.AutresFrais, "Autres frais") })
        {
            this.Format(champ, v => Saisie.Nombre(v) >= 0, $"{nom} : un montant en euros (0 si aucun).");
        }
        this.Requis(complet, x => x.Prix.FraisPedagogiques, "Saisissez la part des frais pédagogiques dans le prix unitaire.");
        RuleFor(x => x.Prix.PrixUnitaireHt).Must((o, _) => SommeElements(o.Prix) == Saisie.Nombre(o.Prix.PrixUnitaireHt))
            .When(o => complet && Saisie.Nombre(o.Prix.PrixUnitaireHt) > 0)
            .WithMessage(o => $"Les éléments constitutifs ({SommeElements(o.Prix):0.00} €) ne font pas le prix unitaire HT ({Saisie.Nombre(o.Prix.PrixUnitaireHt):0.00} €).");
    }

    private static decimal SommeElements(Prix p) =>
        new[] { p.FraisPedagogiques, p.FraisIngenierie, p.FraisStructure, p.AutresFrais }.Sum(v => Saisie.Nombre(v) ?? 0);
}
