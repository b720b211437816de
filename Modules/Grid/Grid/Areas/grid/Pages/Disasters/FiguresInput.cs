using System.Globalization;
using Emergency.Grid.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Emergency.Grid.Areas.grid.Pages.Disasters;

/// <summary>
/// The figures of a disaster report as typed (初报, 续报, 核报): people counts are non-negative whole numbers, the direct
/// economic loss a non-negative amount in 万元 with at most four decimals; an empty field is 0. Read as text so that a
/// wrong value gets a Chinese message beside its field.
/// </summary>
internal class FiguresInput
{
    public string? AffectedPeople { get; set; }

    public string? Dead { get; set; }

    public string? Missing { get; set; }

    public string? Injured { get; set; }

    public string? Relocated { get; set; }

    public string? HousesDamaged { get; set; }

    public string? DirectLoss { get; set; }

    /// <summary>The figures, or null with a message added beside each wrong field (under <paramref name="prefix"/>).</summary>
    public DisasterFigures? Read(ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var ok = true;
        int Count(string? value, string field, string name)
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0)
            {
                return 0;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 100_000_000)
            {
                modelState.AddModelError($"{prefix}.{field}", $"{name}应为不小于 0 的整数");
                ok = false;
                return 0;
            }

            return number;
        }

        var figures = new DisasterFigures
        {
            AffectedPeople = Count(AffectedPeople, nameof(AffectedPeople), "受灾人口"),
            Dead = Count(Dead, nameof(Dead), "死亡人数"),
            Missing = Count(Missing, nameof(Missing), "失踪人数"),
            Injured = Count(Injured, nameof(Injured), "受伤人数"),
            Relocated = Count(Relocated, nameof(Relocated), "转移安置人数"),
            HousesDamaged = Count(HousesDamaged, nameof(HousesDamaged), "损坏房屋"),
        };
        var loss = DirectLoss?.Trim() ?? "";
        if (loss.Length > 0)
        {
            if (decimal.TryParse(loss, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount <= 100_000_000m && decimal.Round(amount, 4) == amount)
            {
                figures.DirectLoss = amount;
            }
            else
            {
                modelState.AddModelError($"{prefix}.{nameof(DirectLoss)}", "直接经济损失应为不小于 0 的金额（万元，最多 4 位小数）");
                ok = false;
            }
        }

        return ok ? figures : null;
    }

    public static string Loss(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);
}
