using Emergency.Grid.Contracts;
using Emergency.Grid.Data;

namespace Emergency.Grid.Domain;

/// <summary>灾情报送: a new report, its 初报 figures and <see cref="DisasterReported"/> commit together, the event once the report has its id.</summary>
internal static class DisasterSteps
{
    public static void Report(GridDbContext db, DisasterReport report)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        report.Take(new DisasterFigures
        {
            Stage = DisasterStage.Initial,
            AtUtc = report.ReportedAtUtc,
            By = report.ReportedBy,
            AffectedPeople = report.AffectedPeople,
            Dead = report.Dead,
            Missing = report.Missing,
            Injured = report.Injured,
            Relocated = report.Relocated,
            HousesDamaged = report.HousesDamaged,
            DirectLoss = report.DirectLoss,
        });
        db.Disasters.Add(report);
        db.PublishAfterSave(() => new DisasterReported
        {
            OccurredAtUtc = report.ReportedAtUtc,
            ReportId = report.Id,
            TownshipId = report.TownshipId,
            VillageId = report.VillageId,
            DisasterType = report.DisasterType,
            HappenedAtUtc = report.HappenedAtUtc,
            Place = report.Place,
            Dead = report.Dead,
            Injured = report.Injured,
            Missing = report.Missing,
            AffectedPeople = report.AffectedPeople,
            HousesDamaged = report.HousesDamaged,
            DirectLoss = report.DirectLoss,
        });
    }
}
