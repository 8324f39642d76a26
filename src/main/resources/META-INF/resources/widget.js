/*
 * The chat widget's loader, for other sites:
 *
 *   <script src="https://bot.example/widget.js" defer></script>
 *
 * A classic script, because only a classic script can find its own tag (its data- attributes
 * theme the widget, and its src says where the bot is). Everything else is the module js/embed.js,
 * loaded from the bot with CORS: a site not in the bot's widget.allowed-origins gets nothing.
 * It defines no globals. See docs/widget.md.
 */
(() => {
  const script = document.currentScript;
  const bot = new URL('.', script.src);
  import(new URL('js/embed.js', bot).href)
    .then((widget) => widget.embed({ ...script.dataset }, bot))
    .catch((error) => console.warn('Chat widget: could not load from ' + bot.origin
      + ' (is ' + location.origin + ' in its widget.allowed-origins?)', error));
})();
