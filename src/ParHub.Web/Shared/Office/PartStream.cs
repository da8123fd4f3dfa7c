using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace ParHub.Web.Shared.Office;

/// <summary>
/// Walks one part's XML with <see cref="OpenXmlReader"/> (SAX-style): only the open elements are held, never the
/// part's DOM. Each element is a <see cref="Frame"/> that knows its parent and may carry what a reader gathers in it
/// and what to do when it closes.
/// </summary>
public static class PartStream
{
    public sealed class Frame(Type type, Frame? parent)
    {
        public Type Type { get; } = type;
        public Frame? Parent { get; } = parent;
        /// <summary>Called when the element ends.</summary>
        public Action? OnClose { get; set; }
        /// <summary>A reader's state for this element (a paragraph's text, a cell…).</summary>
        public object? State { get; set; }

        public bool Is<T>() => Type == typeof(T);
        public bool ParentIs<T>() => Parent?.Type == typeof(T);

        /// <summary>The nearest enclosing element (or this one) with state of type <typeparamref name="T"/>.</summary>
        public T? Nearest<T>() where T : class
        {
            for (var f = this; f is not null; f = f.Parent) if (f.State is T t) return t;
            return null;
        }
    }

    /// <summary>
    /// Calls <paramref name="start"/> for every element in document order, with the reader on the element (its
    /// attributes, and <see cref="OpenXmlReader.GetText"/> for text elements); frames close when their element ends.
    /// </summary>
    public static void Walk(OpenXmlPart part, Action<Frame, OpenXmlReader> start)
    {
        using var reader = OpenXmlReader.Create(part);
        var open = new List<Frame>();
        void CloseTo(int depth)
        {
            while (open.Count > depth)
            {
                var f = open[^1];
                open.RemoveAt(open.Count - 1);
                f.OnClose?.Invoke();
            }
        }
        while (reader.Read())
        {
            if (reader.IsStartElement)
            {
                CloseTo(reader.Depth);
                var frame = new Frame(reader.ElementType, open.Count > 0 ? open[^1] : null);
                open.Add(frame);
                start(frame, reader);
            }
            else if (reader.IsEndElement) CloseTo(reader.Depth);
        }
        CloseTo(0);
    }

    public static bool IsText(Type t) => typeof(OpenXmlLeafTextElement).IsAssignableFrom(t);

    /// <summary>An attribute of the current element by its local name (any namespace), or null.</summary>
    public static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var a in reader.Attributes) if (a.LocalName == localName) return a.Value;
        return null;
    }
}
