using System.Globalization;
using System.Text;
using System.Xml;

namespace DepinApi.Charts;

/// <summary>
/// Writes a <see cref="ChartScene"/> as SVG. A small writer of our own rather than ScottPlot's or OxyPlot's SVG export,
/// by measurement (docs/charts.md): about a fifth of their bytes for the same chart, byte-identical output
/// for the same data (no generated ids, clip-path names or timestamps; coordinates with one decimal in the invariant
/// culture), and full control of what makes the chart accessible: &lt;title&gt; and &lt;desc&gt; named by
/// aria-labelledby, real &lt;text&gt;, and each plotted value's figure as data-* attributes and a &lt;title&gt;.
/// Presentation attributes only (no &lt;style&gt;, no style="…"), so the strict Content-Security-Policy of the API holds
/// when the SVG is opened on its own.
/// </summary>
public static class SvgChartWriter
{
    public const string FontFamily = "DejaVu Sans, Verdana, Arial, sans-serif";

    public static byte[] Write(ChartScene scene)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            OmitXmlDeclaration = true,
            Indent = false,
            NewLineHandling = NewLineHandling.Entitize,
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            const string ns = "http://www.w3.org/2000/svg";
            xml.WriteStartElement("svg", ns);
            Attr(xml, "width", scene.Width);
            Attr(xml, "height", scene.Height);
            xml.WriteAttributeString("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {scene.Width} {scene.Height}"));
            xml.WriteAttributeString("role", "img");
            xml.WriteAttributeString("aria-labelledby", "chart-title chart-desc");
            xml.WriteAttributeString("font-family", FontFamily);
            xml.WriteStartElement("title", ns);
            xml.WriteAttributeString("id", "chart-title");
            xml.WriteString(scene.Title);
            xml.WriteEndElement();
            xml.WriteStartElement("desc", ns);
            xml.WriteAttributeString("id", "chart-desc");
            xml.WriteString(scene.Description);
            xml.WriteEndElement();
            xml.WriteStartElement("rect", ns);
            xml.WriteAttributeString("width", "100%");
            xml.WriteAttributeString("height", "100%");
            xml.WriteAttributeString("fill", ChartColors.Background);
            xml.WriteEndElement();
            if (scene.Plot is { } plot)
            {
                // The plot's frame and the values at its edges: enough to turn any y back into a value.
                xml.WriteStartElement("g", ns);
                xml.WriteAttributeString("data-plot", string.Create(CultureInfo.InvariantCulture,
                    $"{F(plot.Left)} {F(plot.Top)} {F(plot.Right)} {F(plot.Bottom)}"));
                xml.WriteAttributeString("data-y-min", Rest.Infrastructure.DecimalText.Format(plot.Min));
                xml.WriteAttributeString("data-y-max", Rest.Infrastructure.DecimalText.Format(plot.Max));
            }
            foreach (var shape in scene.Shapes)
                WriteShape(xml, ns, shape);
            if (scene.Plot is not null)
                xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void WriteShape(XmlWriter xml, string ns, Shape shape)
    {
        switch (shape)
        {
            case TextShape t:
                xml.WriteStartElement("text", ns);
                Attr(xml, "x", t.X);
                Attr(xml, "y", t.Y);
                Attr(xml, "font-size", t.Size);
                if (t.Anchor != TextAnchor.Start)
                    xml.WriteAttributeString("text-anchor", t.Anchor == TextAnchor.Middle ? "middle" : "end");
                if (t.Bold)
                    xml.WriteAttributeString("font-weight", "bold");
                xml.WriteAttributeString("fill", t.Fill);
                xml.WriteString(t.Text);
                xml.WriteEndElement();
                break;
            case LineShape l:
                xml.WriteStartElement("line", ns);
                Attr(xml, "x1", l.X1);
                Attr(xml, "y1", l.Y1);
                Attr(xml, "x2", l.X2);
                Attr(xml, "y2", l.Y2);
                xml.WriteAttributeString("stroke", l.Stroke);
                if (l.Width != 1)
                    Attr(xml, "stroke-width", l.Width);
                xml.WriteEndElement();
                break;
            case PolylineShape p:
                xml.WriteStartElement("polyline", ns);
                xml.WriteAttributeString("points", string.Join(' ', p.Points.Select(pt => F(pt.X) + "," + F(pt.Y))));
                xml.WriteAttributeString("fill", "none");
                xml.WriteAttributeString("stroke", p.Stroke);
                Attr(xml, "stroke-width", p.Width);
                xml.WriteAttributeString("stroke-linejoin", "round");
                xml.WriteEndElement();
                break;
            case RectShape r:
                xml.WriteStartElement("rect", ns);
                Attr(xml, "x", r.X);
                Attr(xml, "y", r.Y);
                Attr(xml, "width", r.Width);
                Attr(xml, "height", r.Height);
                xml.WriteAttributeString("fill", r.Fill);
                if (r.Stroke is { } stroke)
                    xml.WriteAttributeString("stroke", stroke);
                WriteData(xml, ns, r.Data);
                xml.WriteEndElement();
                break;
            case DotShape d:
                xml.WriteStartElement("circle", ns);
                Attr(xml, "cx", d.X);
                Attr(xml, "cy", d.Y);
                Attr(xml, "r", d.Radius);
                xml.WriteAttributeString("fill", d.Fill);
                WriteData(xml, ns, d.Data);
                xml.WriteEndElement();
                break;
        }
    }

    private static void WriteData(XmlWriter xml, string ns, DataMark? data)
    {
        if (data is null)
            return;
        if (data.Series is { } series)
            xml.WriteAttributeString("data-series", series);
        xml.WriteAttributeString("data-label", data.Label);
        xml.WriteAttributeString("data-value", data.Value);
        if (data.Marked)
            xml.WriteAttributeString("data-marked", "true");
        xml.WriteElementString("title", ns, data.Tip);
    }

    private static void Attr(XmlWriter xml, string name, double value) => xml.WriteAttributeString(name, F(value));

    /// <summary>One decimal is a tenth of a pixel at the canvas size; "-0" never appears.</summary>
    public static string F(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
