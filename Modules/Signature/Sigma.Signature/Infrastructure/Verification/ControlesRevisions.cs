namespace Sigma.Signature.Infrastructure.Verification;

/// <summary>
/// The report's reading of the updates appended after a signature: what they did (the signed content apart from the
/// metadata), and whether the signature's certification (DocMDP) and field locks (FieldMDP) permit it.
/// </summary>
internal static class ControlesRevisions
{
    private const string LibellePerimetre = "Périmètre signé";

    /// <summary>The scope check when updates follow the signature.</summary>
    public static Controle Perimetre(Modifications m, long octetsAjoutes, Permissions permissions)
    {
        var ajout = $"Des mises à jour ont été ajoutées après la signature ({octetsAjoutes} octets)";
        // Annotations change what the reader sees: only a certification at P=3 permits them.
        var contenu = permissions.Certification == 3 ? m.Alterations : [.. m.Alterations, .. m.Annotations];
        if (contenu.Count > 0)
        {
            var metadonnees = m.Metadonnees.Count == 0 ? "" : $" (et, à part, leurs métadonnées : {string.Join(" ; ", m.Metadonnees)})";
            return Controle.Echec("perimetre", LibellePerimetre,
                $"{ajout} et modifient le contenu signé : {string.Join(" ; ", contenu.Take(8))}{(contenu.Count > 8 ? "…" : "")}{metadonnees}.");
        }
        var actions = new List<string>();
        if (m.SignaturesAjoutees > 0)
        {
            actions.Add($"ajouter {(m.SignaturesAjoutees == 1 ? "une signature" : $"{m.SignaturesAjoutees} signatures")}"
                + (m.ChampsSignes.Count == 0 ? "" : $" (dans le champ prévu {string.Join(", ", m.ChampsSignes.Select(c => $"« {c} »"))})"));
        }
        if (m.HorodatagesAjoutes > 0)
        {
            actions.Add(m.HorodatagesAjoutes == 1 ? "ajouter un horodatage du document" : $"ajouter {m.HorodatagesAjoutes} horodatages du document");
        }
        if (m.DonneesValidation)
        {
            actions.Add("ajouter des données de validation");
        }
        if (m.ChampsRemplis.Count > 0)
        {
            actions.Add($"remplir le formulaire ({string.Join(", ", m.ChampsRemplis.Select(c => $"champ « {c} »"))})");
        }
        if (m.Annotations.Count > 0)
        {
            actions.Add($"ajouter ou modifier des annotations ({string.Join(" ; ", m.Annotations.Take(8))})");
        }
        if (m.Metadonnees.Count > 0)
        {
            actions.Add($"modifier les métadonnées du document ({string.Join(" ; ", m.Metadonnees)})");
        }
        if (m.NonReferences.Count > 0)
        {
            actions.Add($"ajouter des objets que rien n'utilise ({string.Join(", ", m.NonReferences.Take(8))}), sans effet sur l'affichage");
        }
        if (actions.Count == 0)
        {
            return Controle.Information("perimetre", LibellePerimetre, $"{ajout} ; elles ne modifient aucun objet du document signé.");
        }
        var liste = actions.Count == 1 ? actions[0] : $"{string.Join(", ", actions.SkipLast(1))} et {actions[^1]}";
        var detail = $"{ajout} ; elles ne font qu{(EstVoyelle(liste[0]) ? "'" : "e ")}{liste} sans changer les pages ni le contenu signés.";
        // Form filling after an approval signature is permitted but changes values the signer may have seen: said loudly.
        return m.ChampsRemplis.Count > 0 && permissions.Certification is null
            ? Controle.Avertissement("perimetre", LibellePerimetre, detail)
            : Controle.Information("perimetre", LibellePerimetre, detail);
    }

    /// <summary>The metadata changes, named apart from the content.</summary>
    public static Controle? Metadonnees(Modifications? m) => m is { Metadonnees.Count: > 0 }
        ? Controle.Information("metadonnees", "Métadonnées du document",
            $"Modifiées après la signature, sans effet sur les pages ni le contenu signés : {string.Join(" ; ", m.Metadonnees)}.")
        : null;

    /// <summary>The certification check (DocMDP): what level P permits, and whether the later updates kept to it.</summary>
    public static Controle? Certification(Modifications? m, Permissions permissions)
    {
        if (permissions.Certification is not { } p)
        {
            return null;
        }
        const string Libelle = "Certification du document (DocMDP)";
        var permis = p switch
        {
            1 => "aucune modification n'est permise",
            2 => "seuls le remplissage du formulaire et l'ajout de signatures sont permis",
            _ => "seuls le remplissage du formulaire, l'ajout de signatures et les annotations sont permis",
        };
        var entete = $"Signature de certification (niveau P={p} : {permis})";
        if (m is null)
        {
            return Controle.Reussi("certification", Libelle, $"{entete} ; le document n'a pas été modifié depuis.");
        }
        var interdits = new List<string>(m.Alterations);
        if (p < 3)
        {
            interdits.AddRange(m.Annotations);
        }
        if (p == 1)
        {
            interdits.AddRange(m.ChampsRemplis.Select(c => $"champ « {c} » rempli"));
            if (m.SignaturesAjoutees > 0)
            {
                interdits.Add(m.SignaturesAjoutees == 1 ? "une signature ajoutée" : $"{m.SignaturesAjoutees} signatures ajoutées");
            }
        }
        if (interdits.Count > 0)
        {
            return Controle.Echec("certification", Libelle,
                $"{entete}, mais le document a été modifié depuis d'une façon que la certification interdit : {string.Join(" ; ", interdits.Take(8))}.");
        }
        var faits = new List<string>();
        if (m.ChampsRemplis.Count > 0)
        {
            faits.Add($"remplissage du formulaire ({string.Join(", ", m.ChampsRemplis.Select(c => $"champ « {c} »"))})");
        }
        if (m.SignaturesAjoutees > 0)
        {
            faits.Add(m.SignaturesAjoutees == 1 ? "une signature ajoutée" : $"{m.SignaturesAjoutees} signatures ajoutées");
        }
        if (m.Annotations.Count > 0)
        {
            faits.Add($"annotations ({string.Join(" ; ", m.Annotations.Take(4))})");
        }
        return Controle.Reussi("certification", Libelle, faits.Count == 0
            ? $"{entete} ; seules des données de validation ou des métadonnées ont été ajoutées depuis."
            : $"{entete} ; les modifications faites depuis sont de celles qu'elle permet : {string.Join(" ; ", faits)}.");
    }

    /// <summary>The field locks (FieldMDP): no locked field may change after the signature.</summary>
    public static Controle? Verrous(Modifications? m, Permissions permissions)
    {
        if (permissions.Verrous.Count == 0)
        {
            return null;
        }
        const string Libelle = "Champs verrouillés par la signature (FieldMDP)";
        var description = string.Join(" ; ", permissions.Verrous.Select(v => v.Description));
        var touches = (m?.ChampsRemplis ?? []).Concat(m?.ChampsSignes ?? []).Where(c => permissions.Verrous.Any(v => v.Verrouille(c))).Distinct().ToList();
        return touches.Count > 0
            ? Controle.Echec("verrous", Libelle,
                $"La signature verrouille {description}, mais {string.Join(", ", touches.Select(c => $"le champ « {c} »"))} a été modifié après elle.")
            : Controle.Reussi("verrous", Libelle, $"La signature verrouille {description} : aucun n'a été modifié après elle.");
    }

    private static bool EstVoyelle(char c) => "aeiouyéèàâ".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);
}
