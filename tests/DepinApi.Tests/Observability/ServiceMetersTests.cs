using System.Diagnostics.Metrics;
using System.Reflection;
using System.Reflection.Emit;
using DepinApi.Observability;
using GraphQLEngine.Http;

namespace DepinApi.Tests.Observability;

/// <summary>
/// The meters the exporters listen to (<see cref="ServiceMeters"/>) are every meter the service's assemblies create.
/// The meters are found in the compiled code, not by running it (some are created only with Redis configured): each
/// call that makes a <see cref="Meter"/> (its constructor, <see cref="IMeterFactory"/> and its extensions), with the
/// string constant loaded for its name.
/// </summary>
public sealed class ServiceMetersTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
                                          | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> opCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!).ToDictionary(code => code.Value);

    [Fact]
    public void Every_meter_the_service_creates_is_exported_and_no_other()
    {
        var created = new[] { typeof(ServiceMeters).Assembly, typeof(GraphQLTelemetry).Assembly }
            .SelectMany(MeterNamesCreatedIn).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Contains(DepinMetrics.MeterName, created);
        Assert.Equal(created, ServiceMeters.Names.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> MeterNamesCreatedIn(Assembly assembly)
    {
        var methods = assembly.GetTypes().SelectMany(type =>
            type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)));
        foreach (var method in methods)
        {
            var type = method.DeclaringType!;
            if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
                continue;
            string? name = null;
            foreach (var (code, token) in Instructions(il))
            {
                if (code == OpCodes.Ldstr)
                    name = method.Module.ResolveString(token);
                else if (code == OpCodes.Call || code == OpCodes.Callvirt || code == OpCodes.Newobj)
                {
                    var called = method.Module.ResolveMethod(token, type.IsGenericType ? type.GetGenericArguments() : null,
                        method.IsGenericMethod ? method.GetGenericArguments() : null);
                    if (CreatesMeter(called))
                        yield return name ?? throw new InvalidOperationException(
                            $"{type.FullName}.{method.Name} creates a meter whose name is not a constant: name it by one.");
                    // A name built by a call in between is not the constant loaded before it.
                    name = null;
                }
            }
        }
    }

    private static bool CreatesMeter(MethodBase? method) => method switch
    {
        ConstructorInfo constructor => constructor.DeclaringType == typeof(Meter),
        MethodInfo call => call.ReturnType == typeof(Meter) && call.DeclaringType?.Namespace == typeof(Meter).Namespace,
        _ => false,
    };

    /// <summary>Each instruction of a method body, with its token when it has one (a method or a string).</summary>
    private static IEnumerable<(OpCode Code, int Token)> Instructions(byte[] il)
    {
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? unchecked((short)(0xFE00 | il[at + 1])) : il[at];
            var code = opCodes[value];
            at += code.Size;
            var token = code.OperandType is OperandType.InlineMethod or OperandType.InlineString ? BitConverter.ToInt32(il, at) : 0;
            at += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
            yield return (code, token);
        }
    }
}
