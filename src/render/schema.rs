//! schema.org data (JSON-LD) of each content type: `NGO` for organisations, `Course` with its
//! sessions, `NewsArticle` with its videos.

use super::body::Rendered;
use super::shared::RegionView;
use crate::media::video;
use crate::model::types::{Content, Course, Organisation, organisation};
use crate::model::{Page, Site};
use serde_json::{Value, json};

/// schema.org data for the page's content type, if it has any.
pub fn jsonld(p: &Page, b: &Rendered, site: &Site, regions: &[&RegionView]) -> Option<Value> {
    let description = p
        .front
        .description
        .clone()
        .unwrap_or_else(|| b.summary.clone());
    let mut data = match &p.content {
        Content::Organisation(o) => ngo(p, o, description, regions),
        Content::Course(c) => course(p, c, description, site),
        Content::News if p.front.date.is_some() => news(p, b, description, site),
        Content::News | Content::Plain => return None,
    };
    if let Some(u) = site.config.absolute(&p.url) {
        data["url"] = json!(u);
    }
    Some(data)
}

/// An organisation: name, regions served, how to reach it.
fn ngo(p: &Page, o: &Organisation, description: String, regions: &[&RegionView]) -> Value {
    let mut org = json!({
        "@context": "https://schema.org",
        "@type": "NGO",
        "name": o.name.clone().unwrap_or_else(|| p.front.title.clone()),
        "description": description,
        "areaServed": regions.iter().map(|r| json!({"@type": "AdministrativeArea", "name": r.name})).collect::<Vec<_>>(),
    });
    let phone = o
        .phone
        .as_deref()
        .and_then(organisation::international_phone);
    if phone.is_some() || o.email.is_some() {
        let languages = o.languages.clone().unwrap_or(json!([p.lang]));
        let mut cp = json!({"@type": "ContactPoint", "contactType": "customer support", "availableLanguage": languages});
        if let Some(ph) = phone {
            cp["telephone"] = json!(ph);
        }
        if let Some(e) = &o.email {
            cp["email"] = json!(e);
        }
        org["contactPoint"] = cp;
    }
    if let Some(a) = &o.address {
        org["address"] = json!(a);
    }
    org
}

/// A course: provider, language, and its first and last session.
fn course(p: &Page, c: &Course, description: String, site: &Site) -> Value {
    let config = &site.config;
    let provider = config
        .extra
        .get("organisation")
        .and_then(|o| o.get(p.lang.as_str()).or(Some(o)))
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .unwrap_or_else(|| config.title.get(&p.lang, config.default_lang()));
    let mut course = json!({
        "@context": "https://schema.org",
        "@type": "Course",
        "name": p.front.title,
        "description": c.summary.clone().unwrap_or(description),
        "inLanguage": p.lang,
        "provider": {"@type": "Organization", "name": provider},
    });
    if let (Some(first), Some(last)) = (c.sessions.first(), c.sessions.last()) {
        let mut inst = json!({
            "@type": "CourseInstance",
            "courseMode": "onsite",
            "startDate": format!("{}T{:02}:{:02}:00+04:00", first.date.iso(), first.start.0, first.start.1),
            "endDate": format!("{}T{:02}:{:02}:00+04:00", last.date.iso(), last.end.0, last.end.1),
        });
        if let Some(l) = &c.location {
            inst["location"] = json!({"@type": "Place", "name": l});
        }
        course["hasCourseInstance"] = json!([inst]);
    }
    course
}

/// A news item with its videos.
fn news(p: &Page, b: &Rendered, description: String, site: &Site) -> Value {
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": p.front.title,
        "description": description,
        "inLanguage": p.lang,
        "datePublished": p.front.date.map(|d| d.iso()),
    });
    let videos: Vec<Value> = b.videos.iter().map(|v| video_object(p, v, site)).collect();
    if !videos.is_empty() {
        article["video"] = json!(videos);
    }
    article
}

/// One video of a news item.
fn video_object(p: &Page, v: &video::Video, site: &Site) -> Value {
    let c = &site.config;
    let mut o = json!({"@type": "VideoObject", "name": v.title, "description": v.title, "inLanguage": p.lang});
    if let Some(d) = p.front.date {
        o["uploadDate"] = json!(d.iso());
    }
    if let Some(d) = v.duration.as_deref().and_then(video::iso_duration) {
        o["duration"] = json!(d);
    }
    if let Some(t) = v.poster.as_deref().and_then(|p| c.absolute(p)) {
        o["thumbnailUrl"] = json!(t);
    }
    match &v.source {
        video::Source::File(f) => {
            if let Some(u) = c.absolute(f) {
                o["contentUrl"] = json!(u);
            }
        }
        // The watch page, not the player: no provider address that loads anything.
        video::Source::YouTube(id) => {
            o["url"] = json!(format!("https://www.youtube.com/watch?v={id}"))
        }
        video::Source::Vimeo(id) => o["url"] = json!(format!("https://vimeo.com/{id}")),
    }
    o
}
