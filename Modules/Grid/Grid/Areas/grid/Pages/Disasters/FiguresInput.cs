using System.Globalization;
using Emergency.Grid.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Emergency.Grid.Areas.grid.Pages.Disasters;

/// <summary>
/// The figures of a disaster report as typed (初报, 续报, 核报): people counts are non-negative whole numbers, the direct
/// economic loss a non-negative amount in 万元 with at most four decimals; an empty field is 0. Read as text so that a
/// wrong value gets a Chinese message beside its field.
/// </summary>
internal interface IFiguresInput
{
    string? AffectedPeople { get; }

    string? Dead { get; }

    string? Missing { get; }

    string? Injured { get; }

    string? Relocated { get; }

    string? HousesDamaged { get; }

    string? DirectLoss { get; }
}

/// <summary>Reads and checks <see cref="IFiguresInput"/>.</summary>
internal static class FiguresInput
{

    /// <summary>The figures, or null with a message added beside each wrong field (under <paramref name="prefix"/>).</summary>
    public static DisasterFigures? Read(IFiguresInput input, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(input);
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
            AffectedPeople = Count(input.AffectedPeople, nameof(IFiguresInput.AffectedPeople), "受灾人口"),
            Dead = Count(input.Dead, nameof(IFiguresInput.Dead), "死亡人数"),
            Missing = Count(input.Missing, nameof(IFiguresInput.Missing), "失踪人数"),
            Injured = Count(input.Injured, nameof(IFiguresInput.Injured), "受伤人数"),
            Relocated = Count(input.Relocated, nameof(IFiguresInput.Relocated), "转移安置人数"),
            HousesDamaged = Count(input.HousesDamaged, nameof(IFiguresInput.HousesDamaged), "损坏房屋"),
        };
        var loss = input.DirectLoss?.Trim() ?? "";
        if (loss.Length > 0)
        {
            if (decimal.TryParse(loss, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount <= 100_000_000m && decimal.Round(amount, 4) == amount)
            {
                figures.DirectLoss = amount;
            }
            else
            {
                modelState.AddModelError($"{prefix}.{nameof(IFiguresInput.DirectLoss)}", "直接经济损失应为不小于 0 的金额（万元，最多 4 位小数）");
                ok = false;
            }
        }

        return ok ? figures : null;
    }

    public static string Loss(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);
}
