using System.Globalization;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Microsoft.Extensions.Localization;

namespace Emergency.Grid.Domain;

/// <summary>
/// A disaster report's figures as a series: 初报 with the report, any number of 续报 (updated figures), and the township's
/// 核报 that ends it. Figures with casualties (deaths, missing or injured) at any stage tell the county emergency bureau at
/// once (a notice mailed at once), whenever the casualty figures are new or changed.
/// </summary>
internal sealed class DisasterSeries(GridDbContext db, ICountyUnits units, GridAccess access, IStringLocalizer<GridText> text)
{
    public static readonly NoticeKind CasualtiesKind = new("grid.disaster-casualties", NoticeDelivery.Each);

    public static string StageName(DisasterStage stage) => stage switch
    {
        DisasterStage.Initial => "初报",
        DisasterStage.FollowUp => "续报",
        _ => "核报",
    };

    /// <summary>Adds the stage's figures to the report (refused after 核报), and alerts the bureau of casualties.</summary>
    public async Task<string?> AddAsync(DisasterReport report, DisasterFigures figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(figures);
        if (report.Stage == DisasterStage.Final)
        {
            return "该灾情已核报，不能再续报或核报";
        }

        if (figures.Stage == DisasterStage.Initial)
        {
            throw new InvalidOperationException("初报 is made with the report.");
        }

        var previous = report.Figures.OrderBy(f => f.Id).LastOrDefault();
        report.Take(figures);
        if (figures.Stage == DisasterStage.Final && report.Status == DisasterStatus.Reported)
        {
            // 核报 is the township's confirmation: the report is verified with it.
            report.Status = DisasterStatus.Verified;
            report.VerifiedBy = figures.By;
            report.VerifiedAtUtc = figures.AtUtc;
        }

        await AlertAsync(report, figures, previous, cancellationToken);
        return null;
    }

    /// <summary>Casualties at this stage, new or changed since the previous figures: the county emergency bureau is told at once.</summary>
    public async Task AlertAsync(DisasterReport report, DisasterFigures figures, DisasterFigures? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(figures);
        var changed = previous is null || previous.Dead != figures.Dead || previous.Missing != figures.Missing || previous.Injured != figures.Injured;
        if (!figures.HasCasualties || !changed)
        {
            return;
        }

        var bureau = (await units.DepartmentsAsync(access.County, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        if (bureau is null)
        {
            return;
        }

        var township = (await units.TownshipsAsync(access.County, cancellationToken)).FirstOrDefault(t => t.Id == report.TownshipId)?.Name ?? "";
        db.Notify(new Notice
        {
            Kind = CasualtiesKind,
            To = NoticeRecipient.Unit(UnitKind.Department, bureau.Id, bureau.Name),
            Title = text.Render("Mail_CasualtiesSubject", township, report.DisasterType, StageName(figures.Stage)),
            TextBody = text.Render("Mail_CasualtiesBody", township, report.DisasterType, report.Place, StageName(figures.Stage),
                figures.Dead, figures.Missing, figures.Injured, figures.Relocated, figures.By),
            Link = "/grid/Disasters/Details?id=" + report.Id.ToString(CultureInfo.InvariantCulture),
            AtUtc = figures.AtUtc,
        });
    }
}
