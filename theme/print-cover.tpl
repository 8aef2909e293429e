{#- The printout's first sheet (mkdocs-print-site-plugin renders it with the
    site's config): what it is, which edition, where it lives, how to reuse it. -#}
{%- set edition = config.extra.edition -%}
<h1 class="print-cover__title">{{ config.site_name }}</h1>
<p class="print-cover__subtitle">The CS Fundamentals module: Memory Architecture and How Python Works</p>
<p class="print-cover__handout" hidden>Student handout: the exercises without their solutions</p>
<dl class="print-cover__facts">
  <dt>Edition</dt><dd>{{ edition.version }} of {{ edition.date }}</dd>
  <dt>Read and run it at</dt><dd><a href="{{ config.site_url }}">{{ config.site_url }}</a></dd>
  {% if edition.source %}<dt>Source</dt><dd><a href="{{ edition.source }}">{{ edition.source }}</a></dd>{% endif %}
  <dt>Licence</dt><dd>{{ config.copyright }}</dd>
  <dt>To reuse it, credit</dt><dd>{{ edition.attribution }}</dd>
</dl>
<p class="print-cover__note">On paper each output is the one Python build printed that the
  online page shows first; the online pages run every example and check every exercise.</p>
